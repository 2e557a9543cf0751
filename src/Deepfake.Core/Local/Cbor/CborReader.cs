using System;
using System.Collections.Generic;
using System.Text;

namespace Deepfake.Local.Cbor
{
    /// <summary>
    /// A small, bounded CBOR decoder (RFC 8949): all eight major types, definite and indefinite lengths, a nesting
    /// limit and an item limit, and every declared length checked against the bytes that remain before anything is
    /// allocated. Hand-written because the package mirror has no CBOR library; C2PA claims and assertions are CBOR.
    /// Malformed input throws <see cref="FormatException"/>.
    /// </summary>
    internal sealed class CborReader
    {
        private const byte Break = 0xFF;
        private readonly byte[] _data;
        private readonly int _end;
        private readonly int _maxDepth;
        private readonly int _maxItems;
        private int _position;
        private int _items;

        private CborReader(byte[] data, int offset, int count, int maxDepth, int maxItems)
        {
            _data = data;
            _position = offset;
            _end = offset + count;
            _maxDepth = maxDepth;
            _maxItems = maxItems;
        }

        private int Remaining => _end - _position;

        /// <summary>Decodes the one data item that fills <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public static CborValue Decode(byte[] data, int offset, int count, int maxDepth, int maxItems)
        {
            if (offset < 0 || count < 0 || offset + count > data.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            var reader = new CborReader(data, offset, count, maxDepth, maxItems);
            var value = reader.ReadItem(0);
            if (reader.Remaining != 0)
            {
                throw new FormatException("CBOR: " + reader.Remaining + " bytes follow the data item");
            }

            return value;
        }

        private CborValue ReadItem(int depth)
        {
            if (depth > _maxDepth)
            {
                throw new FormatException("CBOR: nesting deeper than " + _maxDepth + " levels");
            }

            if (++_items > _maxItems)
            {
                throw new FormatException("CBOR: more than " + _maxItems + " data items");
            }

            Need(1);
            var initial = _data[_position++];
            var major = initial >> 5;
            var additional = initial & 0x1F;
            if (major == 7)
            {
                return ReadSimpleOrFloat(additional);
            }

            if (additional == 31)
            {
                return ReadIndefinite(major, depth);
            }

            var argument = ReadArgument(additional);
            switch (major)
            {
                case 0:
                    return CborValue.Integer(CborKind.Unsigned, argument);
                case 1:
                    return CborValue.Integer(CborKind.Negative, argument);
                case 2:
                    Need(argument);
                    _position += (int)argument;
                    return CborValue.OfBytes((long)argument);
                case 3:
                    Need(argument);
                    var text = Encoding.UTF8.GetString(_data, _position, (int)argument);
                    _position += (int)argument;
                    return CborValue.OfText(text);
                case 4:
                    // Every item takes at least one byte: a count beyond what remains is a lie, refused before allocating.
                    Need(argument);
                    return CborValue.Container(CborKind.Array, ReadItems((int)argument, depth));
                case 5:
                    if (argument > (ulong)Remaining / 2)
                    {
                        throw new FormatException("CBOR: a map claims " + argument + " pairs but only " + Remaining + " bytes remain");
                    }

                    return CborValue.Container(CborKind.Map, ReadItems((int)argument * 2, depth));
                default:
                    return CborValue.OfTag(argument, ReadItem(depth + 1));
            }
        }

        private List<CborValue> ReadItems(int count, int depth)
        {
            var items = new List<CborValue>(Math.Min(count, 64));
            for (var i = 0; i < count; i++)
            {
                items.Add(ReadItem(depth + 1));
            }

            return items;
        }

        private CborValue ReadIndefinite(int major, int depth)
        {
            switch (major)
            {
                case 2:
                case 3:
                    return ReadChunkedString(major);
                case 4:
                case 5:
                    var items = new List<CborValue>();
                    while (true)
                    {
                        Need(1);
                        if (_data[_position] == Break)
                        {
                            _position++;
                            break;
                        }

                        items.Add(ReadItem(depth + 1));
                    }

                    if (major == 5 && items.Count % 2 != 0)
                    {
                        throw new FormatException("CBOR: an indefinite-length map has a key without a value");
                    }

                    return CborValue.Container(major == 4 ? CborKind.Array : CborKind.Map, items);
                default:
                    throw new FormatException("CBOR: major type " + major + " cannot have an indefinite length");
            }
        }

        private CborValue ReadChunkedString(int major)
        {
            long total = 0;
            var text = major == 3 ? new StringBuilder() : null;
            while (true)
            {
                Need(1);
                var initial = _data[_position++];
                if (initial == Break)
                {
                    break;
                }

                if (initial >> 5 != major || (initial & 0x1F) == 31)
                {
                    throw new FormatException("CBOR: an indefinite-length string holds a chunk of another type");
                }

                if (++_items > _maxItems)
                {
                    throw new FormatException("CBOR: more than " + _maxItems + " data items");
                }

                var length = ReadArgument(initial & 0x1F);
                Need(length);
                text?.Append(Encoding.UTF8.GetString(_data, _position, (int)length));
                _position += (int)length;
                total += (long)length;
            }

            return text is null ? CborValue.OfBytes(total) : CborValue.OfText(text.ToString());
        }

        private CborValue ReadSimpleOrFloat(int additional)
        {
            switch (additional)
            {
                case 24:
                    Need(1);
                    return CborValue.OfSimple(_data[_position++]);
                case 25:
                    return CborValue.OfFloat(HalfToDouble((ushort)ReadArgument(25)));
                case 26:
                    var single = (uint)ReadArgument(26);
                    return CborValue.OfFloat(BitConverter.ToSingle(BitConverter.GetBytes(single), 0));
                case 27:
                    return CborValue.OfFloat(BitConverter.Int64BitsToDouble((long)ReadArgument(27)));
                case 31:
                    throw new FormatException("CBOR: a break where a data item must be");
                default:
                    if (additional > 27)
                    {
                        throw new FormatException("CBOR: reserved additional information " + additional);
                    }

                    return CborValue.OfSimple((ulong)additional);
            }
        }

        private ulong ReadArgument(int additional)
        {
            if (additional < 24)
            {
                return (ulong)additional;
            }

            int size;
            switch (additional)
            {
                case 24: size = 1; break;
                case 25: size = 2; break;
                case 26: size = 4; break;
                case 27: size = 8; break;
                default: throw new FormatException("CBOR: reserved additional information " + additional);
            }

            Need((ulong)size);
            ulong value = 0;
            for (var i = 0; i < size; i++)
            {
                value = value << 8 | _data[_position++];
            }

            return value;
        }

        private void Need(ulong bytes)
        {
            if (bytes > (ulong)Remaining)
            {
                throw new FormatException("CBOR: an item claims " + bytes + " bytes but only " + Remaining + " remain");
            }
        }

        private static double HalfToDouble(ushort half)
        {
            var exponent = (half >> 10) & 0x1F;
            var mantissa = half & 0x3FF;
            double value = exponent == 0 ? mantissa * Math.Pow(2, -24)
                : exponent == 31 ? (mantissa == 0 ? double.PositiveInfinity : double.NaN)
                : (mantissa + 1024) * Math.Pow(2, exponent - 25);
            return (half & 0x8000) != 0 ? -value : value;
        }
    }
}
