using System.IO;
using System.IO.Compression;
using System.Text;

namespace Deepfake.Local.Containers
{
    /// <summary>
    /// Decodes PNG tEXt (Latin-1), zTXt (Latin-1, deflated) and iTXt (UTF-8, optionally deflated) chunks.
    /// Hand-written rather than left to MetadataExtractor 2.4.3, which decodes iTXt text as Latin-1 (mangling every
    /// non-ASCII prompt) and inflates compressed chunks without a size limit.
    /// </summary>
    internal static class PngText
    {
        internal const string XmpKeyword = "XML:com.adobe.xmp";
        private static readonly Encoding Latin1 = Encoding.GetEncoding("ISO-8859-1");

        public static void Lift(string type, byte[] data, LocalOptions options, MetadataBlocks blocks)
        {
            var keywordEnd = System.Array.IndexOf(data, (byte)0);
            if (keywordEnd <= 0 || keywordEnd > 79)
            {
                blocks.Skipped.Add("PNG " + type + " chunk without a valid keyword");
                return;
            }

            var keyword = Latin1.GetString(data, 0, keywordEnd);
            var location = "PNG " + type + " \"" + keyword + "\"";
            var text = type switch
            {
                "tEXt" => Latin1.GetString(data, keywordEnd + 1, data.Length - keywordEnd - 1),
                "zTXt" => InflateText(data, keywordEnd + 2, Latin1, options, blocks, location),
                _ => InternationalText(data, keywordEnd + 1, options, blocks, location, keyword),
            };

            if (text is null)
            {
                return;
            }

            if (keyword == XmpKeyword)
            {
                var xml = Encoding.UTF8.GetBytes(text);
                if (blocks.TryReserveXmp(xml.Length, options.MaxMetadataBytes))
                {
                    blocks.Xmp.Add(new MetadataBlock(xml, "XMP (" + location + ")"));
                }

                return;
            }

            if (blocks.TryReserveText(text.Length, options.MaxMetadataBytes))
            {
                blocks.Text.Add(new TextChunk(keyword, text, location));
            }
            else
            {
                blocks.Skipped.Add(location + " (text chunks beyond " + options.MaxMetadataBytes + " bytes)");
            }
        }

        private static string? InternationalText(byte[] data, int at, LocalOptions options, MetadataBlocks blocks, string location, string keyword)
        {
            // compression flag, compression method, language tag\0, translated keyword\0, text
            if (data.Length < at + 2)
            {
                blocks.Skipped.Add(location + " (too short)");
                return null;
            }

            var compressed = data[at] == 1;
            var languageEnd = System.Array.IndexOf(data, (byte)0, at + 2);
            var translatedEnd = languageEnd < 0 ? -1 : System.Array.IndexOf(data, (byte)0, languageEnd + 1);
            if (translatedEnd < 0)
            {
                blocks.Skipped.Add(location + " (malformed iTXt header)");
                return null;
            }

            var textStart = translatedEnd + 1;
            return compressed
                ? InflateText(data, textStart, Encoding.UTF8, options, blocks, location)
                : Encoding.UTF8.GetString(data, textStart, data.Length - textStart);
        }

        /// <summary>Inflates a zlib stream (2-byte header, deflate data), refusing to grow past the limit.</summary>
        private static string? InflateText(byte[] data, int at, Encoding encoding, LocalOptions options, MetadataBlocks blocks, string location)
        {
            if (data.Length < at + 2)
            {
                blocks.Skipped.Add(location + " (too short)");
                return null;
            }

            try
            {
                using var input = new MemoryStream(data, at + 2, data.Length - at - 2, writable: false);
                using var inflater = new DeflateStream(input, CompressionMode.Decompress);
                using var output = new MemoryStream();
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (output.Length + read > options.MaxInflatedTextBytes)
                    {
                        blocks.Skipped.Add(location + " (inflates past " + options.MaxInflatedTextBytes + " bytes)");
                        return null;
                    }

                    output.Write(buffer, 0, read);
                }

                return encoding.GetString(output.GetBuffer(), 0, (int)output.Length);
            }
            catch (InvalidDataException)
            {
                blocks.Skipped.Add(location + " (corrupt compressed text)");
                return null;
            }
        }
    }
}
