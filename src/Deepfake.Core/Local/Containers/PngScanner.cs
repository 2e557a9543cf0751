using System.IO;
using System.Text;
using System.Threading;

namespace Deepfake.Local.Containers
{
    /// <summary>
    /// Walks PNG chunks to IEND, reading only the metadata chunks (text, eXIf, caBX) and seeking over the rest.
    /// Chunks it reads have their CRC checked; one that fails is skipped and named, never trusted.
    /// </summary>
    internal static class PngScanner
    {
        public static void Scan(Stream stream, LocalOptions options, MetadataBlocks blocks, CancellationToken cancellationToken)
        {
            var length = stream.Length;
            var header = new byte[8];
            var typeBytes = new byte[4];
            var crcBytes = new byte[4];
            stream.Position = 8;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var offset = stream.Position;
                if (!stream.TryReadExactly(header, 0, 8))
                {
                    throw ImageProblem.Truncated("ends at offset " + offset + " without the PNG IEND chunk");
                }

                var chunkLength = StreamReading.ReadUInt32BigEndian(header, 0);
                var type = Encoding.ASCII.GetString(header, 4, 4);
                if (chunkLength > int.MaxValue || offset + 12 + (long)chunkLength > length)
                {
                    throw ImageProblem.Truncated("has a PNG " + Printable(type) + " chunk at offset " + offset + " that claims " + chunkLength + " bytes, past the end of the file");
                }

                if (type == "IEND")
                {
                    return;
                }

                if (!IsMetadata(type))
                {
                    stream.Seek(chunkLength + 4L, SeekOrigin.Current);
                    continue;
                }

                var limit = type == "caBX" ? options.MaxManifestStoreBytes : options.MaxMetadataBytes;
                if (chunkLength > limit)
                {
                    blocks.Skipped.Add("PNG " + type + " chunk of " + chunkLength + " bytes (limit " + limit + ")");
                    stream.Seek(chunkLength + 4L, SeekOrigin.Current);
                    continue;
                }

                var data = new byte[chunkLength];
                stream.TryReadExactly(data, 0, data.Length);
                stream.TryReadExactly(crcBytes, 0, 4);
                System.Array.Copy(header, 4, typeBytes, 0, 4);
                if (Crc32.Compute(typeBytes, data) != StreamReading.ReadUInt32BigEndian(crcBytes, 0))
                {
                    blocks.Skipped.Add("PNG " + type + " chunk at offset " + offset + " with a bad CRC");
                    continue;
                }

                Lift(type, data, options, blocks);
            }
        }

        private static bool IsMetadata(string type) =>
            type == "tEXt" || type == "zTXt" || type == "iTXt" || type == "eXIf" || type == "caBX";

        private static void Lift(string type, byte[] data, LocalOptions options, MetadataBlocks blocks)
        {
            switch (type)
            {
                case "eXIf":
                    if (blocks.TryReserveExif(data.Length, options.MaxMetadataBytes))
                    {
                        blocks.Exif.Add(new MetadataBlock(data, "PNG eXIf (EXIF)"));
                    }

                    break;
                case "caBX":
                    blocks.ManifestStores.Add(new MetadataBlock(data, "PNG caBX (JUMBF)"));
                    break;
                default:
                    PngText.Lift(type, data, options, blocks);
                    break;
            }
        }

        private static string Printable(string type)
        {
            foreach (var c in type)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    return "(unreadable type)";
                }
            }

            return type;
        }
    }
}
