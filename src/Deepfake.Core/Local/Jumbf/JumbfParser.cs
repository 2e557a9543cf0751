using System;
using System.Collections.Generic;
using System.Text;
using Deepfake.Local.Containers;

namespace Deepfake.Local.Jumbf
{
    /// <summary>
    /// Parses JUMBF boxes (ISO/IEC 19566-5) from a byte array: LBox/TBox/XLBox headers, <c>jumb</c> superboxes with
    /// their <c>jumd</c> description (UUID, toggles, label). Every length is checked against its enclosing box, and
    /// nesting is limited. Hand-written: MetadataExtractor does not read JUMBF. Malformed input throws
    /// <see cref="FormatException"/>.
    /// </summary>
    internal static class JumbfParser
    {
        /// <summary>The twelve bytes after the four-character code in every C2PA and JUMBF content type UUID.</summary>
        private static readonly byte[] IsoUuidSuffix = { 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 };

        public static List<JumbfBox> Parse(byte[] data, int maxDepth) => ParseBoxes(data, 0, data.Length, 0, maxDepth);

        private static List<JumbfBox> ParseBoxes(byte[] data, int start, int end, int depth, int maxDepth)
        {
            if (depth > maxDepth)
            {
                throw new FormatException("JUMBF: boxes nest deeper than " + maxDepth + " levels");
            }

            var boxes = new List<JumbfBox>();
            var at = start;
            while (at < end)
            {
                if (end - at < 8)
                {
                    throw new FormatException("JUMBF: " + (end - at) + " stray bytes at offset " + at);
                }

                long size = StreamReading.ReadUInt32BigEndian(data, at);
                var type = Encoding.ASCII.GetString(data, at + 4, 4);
                var header = 8;
                if (size == 1)
                {
                    if (end - at < 16)
                    {
                        throw new FormatException("JUMBF: a box at offset " + at + " is cut off in its extended length");
                    }

                    var high = StreamReading.ReadUInt32BigEndian(data, at + 8);
                    var low = StreamReading.ReadUInt32BigEndian(data, at + 12);
                    size = high != 0 ? long.MaxValue : low;
                    header = 16;
                }
                else if (size == 0)
                {
                    size = end - at;
                }

                if (size < header || size > end - at)
                {
                    throw new FormatException("JUMBF: the " + Printable(type) + " box at offset " + at + " claims " + size + " bytes but " + (end - at) + " remain");
                }

                var box = new JumbfBox(type, at + header, (int)size - header);
                if (box.IsSuperbox)
                {
                    ReadSuperbox(data, box, depth, maxDepth);
                }

                boxes.Add(box);
                at += (int)size;
            }

            return boxes;
        }

        private static void ReadSuperbox(byte[] data, JumbfBox box, int depth, int maxDepth)
        {
            var children = ParseBoxes(data, box.PayloadOffset, box.PayloadOffset + box.PayloadLength, depth + 1, maxDepth);
            if (children.Count == 0 || children[0].Type != "jumd")
            {
                throw new FormatException("JUMBF: a superbox does not start with its description box");
            }

            ReadDescription(data, children[0], box);
            for (var i = 1; i < children.Count; i++)
            {
                box.Children.Add(children[i]);
            }
        }

        private static void ReadDescription(byte[] data, JumbfBox description, JumbfBox superbox)
        {
            var at = description.PayloadOffset;
            var end = at + description.PayloadLength;
            if (end - at < 17)
            {
                throw new FormatException("JUMBF: a description box is shorter than its UUID and toggles");
            }

            superbox.ContentType = ContentTypeName(data, at);
            var toggles = data[at + 16];
            at += 17;
            if ((toggles & 0x02) != 0)
            {
                var terminator = Array.IndexOf(data, (byte)0, at, end - at);
                if (terminator < 0)
                {
                    throw new FormatException("JUMBF: a description box label has no terminator");
                }

                superbox.Label = Encoding.UTF8.GetString(data, at, terminator - at);
            }
        }

        private static string ContentTypeName(byte[] data, int at)
        {
            var iso = true;
            for (var i = 0; i < IsoUuidSuffix.Length; i++)
            {
                iso &= data[at + 4 + i] == IsoUuidSuffix[i];
            }

            if (iso)
            {
                return Printable(Encoding.ASCII.GetString(data, at, 4));
            }

            var hex = new StringBuilder(32);
            for (var i = 0; i < 16; i++)
            {
                hex.Append(data[at + i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        private static string Printable(string type)
        {
            foreach (var c in type)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    return "(binary)";
                }
            }

            return type;
        }
    }
}
