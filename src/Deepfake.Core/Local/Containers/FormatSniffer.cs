using System.IO;

namespace Deepfake.Local.Containers
{
    /// <summary>Tells JPEG, PNG and WebP apart by their magic bytes, never by the file name.</summary>
    internal static class FormatSniffer
    {
        internal static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        public static ImageFormat Sniff(byte[] head, int length)
        {
            if (length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            {
                return ImageFormat.Jpeg;
            }

            if (length >= 8 && StreamReading.StartsWith(head, 0, PngSignature))
            {
                return ImageFormat.Png;
            }

            if (length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P')
            {
                return ImageFormat.WebP;
            }

            return ImageFormat.Unknown;
        }

        /// <summary>The first bytes as hex, so the user can see what the file actually is.</summary>
        public static string Describe(byte[] head, int length)
        {
            var n = length < 8 ? length : 8;
            var parts = new string[n];
            for (var i = 0; i < n; i++)
            {
                parts[i] = head[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
            }

            return string.Join(" ", parts);
        }

        public static int ReadHead(Stream stream, byte[] head)
        {
            var total = 0;
            while (total < head.Length)
            {
                var read = stream.Read(head, total, head.Length - total);
                if (read <= 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }
    }
}
