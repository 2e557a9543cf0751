using System;

namespace Deepfake.Preflight
{
    /// <summary>Reads an image's format from its magic bytes; a file's extension says nothing reliable.</summary>
    internal static class ImageSniffer
    {
        /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
        public const int HeaderLength = 8;

        private static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        public static ImageFormat Sniff(byte[] header, int count)
        {
            if (count >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
            {
                return ImageFormat.Jpeg;
            }

            if (count >= PngSignature.Length && header.AsSpan(0, PngSignature.Length).SequenceEqual(PngSignature))
            {
                return ImageFormat.Png;
            }

            return ImageFormat.Unknown;
        }

        public static string ContentType(ImageFormat format) =>
            format == ImageFormat.Png ? "image/png" : "image/jpeg";
    }
}
