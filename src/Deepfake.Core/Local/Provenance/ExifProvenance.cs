using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Deepfake.Local.Containers;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace Deepfake.Local.Provenance
{
    /// <summary>
    /// Reads EXIF (parsed by MetadataExtractor) for generator fingerprints: UserComment as Stable Diffusion front ends
    /// write it, and Software naming an image generator.
    /// </summary>
    internal static class ExifProvenance
    {
        public static IEnumerable<Finding> Read(MetadataBlock tiff, List<string> skipped)
        {
            var directories = LibraryParsers.ParseExif(tiff.Bytes, out var error);
            if (directories is null)
            {
                skipped.Add(tiff.Location + " (" + error + ")");
                return Array.Empty<Finding>();
            }

            var findings = new List<Finding>();
            var software = directories.OfType<ExifIfd0Directory>().Select(d => d.GetString(ExifDirectoryBase.TagSoftware)).FirstOrDefault(s => s != null);
            var generator = KnownGenerators.Find(software);
            if (generator != null)
            {
                findings.Add(new Finding("Generator.Software", Excerpt.Of(software!), "EXIF Software", Declaration.Synthetic, "names the generator " + generator + " in EXIF Software"));
            }

            var comment = directories.OfType<ExifSubIfdDirectory>()
                .Select(d => d.GetByteArray(ExifDirectoryBase.TagUserComment))
                .Where(b => b != null)
                .Select(b => DecodeUserComment(b!))
                .FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
            if (comment != null)
            {
                var finding = GeneratorFingerprints.FromParameters(comment, "EXIF UserComment");
                if (finding is null && KnownGenerators.Find(comment) is string named)
                {
                    finding = new Finding("Generator.UserComment", named + "; " + Excerpt.Of(comment), "EXIF UserComment", Declaration.Synthetic, "names the generator " + named + " in EXIF UserComment");
                }

                if (finding != null)
                {
                    findings.Add(finding);
                }
            }

            return findings;
        }

        /// <summary>
        /// EXIF UserComment: an 8-byte character code, then the text. SD front ends (via piexif) write
        /// "UNICODE\0" followed by UTF-16 big-endian; other writers use the TIFF byte order, so without a BOM the
        /// byte order is judged by where the zero bytes of ASCII characters fall.
        /// </summary>
        internal static string? DecodeUserComment(byte[] bytes)
        {
            if (bytes.Length <= 8)
            {
                return null;
            }

            var code = Encoding.ASCII.GetString(bytes, 0, 8).TrimEnd('\0', ' ');
            var start = 8;
            var count = bytes.Length - 8;
            string text;
            if (code.Equals("UNICODE", StringComparison.OrdinalIgnoreCase))
            {
                var bigEndian = LooksBigEndian(bytes, start, count);
                if (count >= 2 && ((bytes[start] == 0xFE && bytes[start + 1] == 0xFF) || (bytes[start] == 0xFF && bytes[start + 1] == 0xFE)))
                {
                    bigEndian = bytes[start] == 0xFE;
                    start += 2;
                    count -= 2;
                }

                text = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes, start, count & ~1);
            }
            else if (code.Equals("ASCII", StringComparison.OrdinalIgnoreCase) || code.Length == 0)
            {
                text = Encoding.UTF8.GetString(bytes, start, count);
            }
            else
            {
                return null;
            }

            return text.TrimEnd('\0', ' ');
        }

        private static bool LooksBigEndian(byte[] bytes, int start, int count)
        {
            int evenZeros = 0, oddZeros = 0;
            for (var i = 0; i + 1 < count && i < 256; i += 2)
            {
                if (bytes[start + i] == 0) evenZeros++;
                if (bytes[start + i + 1] == 0) oddZeros++;
            }

            return evenZeros >= oddZeros;
        }
    }
}
