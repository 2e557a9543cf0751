using System.IO;
using System.Text;
using System.Threading;

namespace Deepfake.Local.Containers
{
    /// <summary>
    /// Walks the RIFF chunks of a WebP file, reading only "EXIF", "XMP " and "C2PA" and seeking over image data.
    /// A RIFF size or chunk size that points past the end of the file means the file is truncated.
    /// </summary>
    internal static class WebPScanner
    {
        private static readonly byte[] ExifPreamble = Encoding.ASCII.GetBytes("Exif\0\0");

        public static void Scan(Stream stream, LocalOptions options, MetadataBlocks blocks, CancellationToken cancellationToken)
        {
            var length = stream.Length;
            var header = new byte[8];
            stream.Position = 4;
            stream.TryReadExactly(header, 0, 4);
            var riffEnd = 8L + StreamReading.ReadUInt32LittleEndian(header, 0);
            if (riffEnd > length)
            {
                throw ImageProblem.Truncated("declares a RIFF size of " + (riffEnd - 8) + " bytes but holds only " + (length - 8));
            }

            stream.Position = 12;
            var sawImage = false;
            while (stream.Position + 8 <= riffEnd)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var offset = stream.Position;
                stream.TryReadExactly(header, 0, 8);
                var type = Encoding.ASCII.GetString(header, 0, 4);
                long size = StreamReading.ReadUInt32LittleEndian(header, 4);
                var padded = size + (size & 1);
                if (offset + 8 + size > riffEnd)
                {
                    throw ImageProblem.Truncated("has a WebP chunk at offset " + offset + " that claims " + size + " bytes, past the end of the RIFF data");
                }

                if (type == "VP8 " || type == "VP8L" || type == "ANMF")
                {
                    sawImage = true;
                }

                if (type != "EXIF" && type != "XMP " && type != "C2PA")
                {
                    stream.Position = System.Math.Min(offset + 8 + padded, riffEnd);
                    continue;
                }

                var limit = type == "C2PA" ? options.MaxManifestStoreBytes : options.MaxMetadataBytes;
                if (size > limit)
                {
                    blocks.Skipped.Add("WebP " + type.TrimEnd() + " chunk of " + size + " bytes (limit " + limit + ")");
                    stream.Position = System.Math.Min(offset + 8 + padded, riffEnd);
                    continue;
                }

                var data = new byte[size];
                stream.TryReadExactly(data, 0, data.Length);
                stream.Position = System.Math.Min(offset + 8 + padded, riffEnd);
                Lift(type, data, options, blocks);
            }

            if (!sawImage)
            {
                throw new ImageProblem(DeepfakeErrorCode.InvalidImage, "is a WebP container with no image data (no VP8, VP8L or ANMF chunk)");
            }
        }

        private static void Lift(string type, byte[] data, LocalOptions options, MetadataBlocks blocks)
        {
            switch (type)
            {
                case "EXIF":
                    // Some writers keep the JPEG "Exif\0\0" preamble in the chunk; the TIFF structure follows it.
                    if (StreamReading.StartsWith(data, 0, ExifPreamble))
                    {
                        var tiff = new byte[data.Length - ExifPreamble.Length];
                        System.Array.Copy(data, ExifPreamble.Length, tiff, 0, tiff.Length);
                        data = tiff;
                    }

                    if (blocks.TryReserveExif(data.Length, options.MaxMetadataBytes))
                    {
                        blocks.Exif.Add(new MetadataBlock(data, "WebP EXIF"));
                    }

                    break;
                case "XMP ":
                    if (blocks.TryReserveXmp(data.Length, options.MaxMetadataBytes))
                    {
                        blocks.Xmp.Add(new MetadataBlock(data, "XMP (WebP)"));
                    }

                    break;
                default:
                    blocks.ManifestStores.Add(new MetadataBlock(data, "WebP C2PA (JUMBF)"));
                    break;
            }
        }
    }
}
