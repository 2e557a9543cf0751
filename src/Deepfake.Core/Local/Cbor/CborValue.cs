using System.Collections.Generic;

namespace Deepfake.Local.Cbor
{
    /// <summary>
    /// One decoded CBOR data item. Byte strings keep only their length: provenance reading never needs their
    /// contents (hashes, signatures, thumbnails), and not copying them keeps memory proportional to the structure.
    /// </summary>
    internal sealed class CborValue
    {
        private static readonly List<CborValue> NoItems = new List<CborValue>();

        private CborValue(CborKind kind)
        {
            Kind = kind;
        }

        public CborKind Kind { get; private set; }

        /// <summary>The argument: the value of an unsigned integer, -1 - n for a negative one, a tag number, a simple value.</summary>
        public ulong Number { get; private set; }

        public string? Text { get; private set; }

        public long ByteLength { get; private set; }

        public double Float { get; private set; }

        /// <summary>Array items, or map keys and values alternating.</summary>
        public List<CborValue> Items { get; private set; } = NoItems;

        /// <summary>The item a tag wraps.</summary>
        public CborValue? Tagged { get; private set; }

        public bool IsMap => Kind == CborKind.Map;

        public bool IsArray => Kind == CborKind.Array;

        /// <summary>The value under a text key of a map, or null (also when this is not a map).</summary>
        public CborValue? this[string key]
        {
            get
            {
                if (Kind != CborKind.Map)
                {
                    return null;
                }

                for (var i = 0; i + 1 < Items.Count; i += 2)
                {
                    if (Items[i].Kind == CborKind.Text && Items[i].Text == key)
                    {
                        return Items[i + 1];
                    }
                }

                return null;
            }
        }

        /// <summary>This item without any tags around it.</summary>
        public CborValue Untagged
        {
            get
            {
                var value = this;
                while (value.Kind == CborKind.Tag && value.Tagged != null)
                {
                    value = value.Tagged;
                }

                return value;
            }
        }

        internal static CborValue Integer(CborKind kind, ulong number) => new CborValue(kind) { Number = number };

        internal static CborValue OfText(string text) => new CborValue(CborKind.Text) { Text = text };

        internal static CborValue OfBytes(long length) => new CborValue(CborKind.Bytes) { ByteLength = length };

        internal static CborValue OfFloat(double value) => new CborValue(CborKind.Float) { Float = value };

        internal static CborValue OfSimple(ulong value) => new CborValue(CborKind.Simple) { Number = value };

        internal static CborValue Container(CborKind kind, List<CborValue> items) => new CborValue(kind) { Items = items };

        internal static CborValue OfTag(ulong tag, CborValue tagged) => new CborValue(CborKind.Tag) { Number = tag, Tagged = tagged };

        public override string ToString() => Kind switch
        {
            CborKind.Text => Text ?? string.Empty,
            CborKind.Unsigned => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CborKind.Negative => "-" + (Number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            CborKind.Float => Float.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CborKind.Tag => Untagged.ToString(),
            _ => Kind.ToString(),
        };
    }
}
