using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace Deepfake.Local.Containers
{
    /// <summary>
    /// Walks JPEG marker segments from SOI to SOS, lifting EXIF and XMP (APP1) and JUMBF (APP11) payloads. It never
    /// reads entropy-coded data: after SOS it only seeks to the end to look for EOI, so a 20 MB photo costs about
    /// what a 20 KB one does.
    /// </summary>
    internal static class JpegScanner
    {
        private const int TailWindow = 64 * 1024;
        private static readonly byte[] ExifPreamble = Encoding.ASCII.GetBytes("Exif\0\0");
        private static readonly byte[] XmpPreamble = Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0");

        public static void Scan(Stream stream, LocalOptions options, MetadataBlocks blocks, CancellationToken cancellationToken)
        {
            var length = stream.Length;
            var header = new byte[4];
            var jumbf = new JumbfSegmentCollector(options, blocks, "JPEG APP11 (JUMBF)");
            stream.Position = 2;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var markerOffset = stream.Position;
                var marker = ReadMarker(stream, markerOffset);
                if (marker == 0xD9)
                {
                    throw new ImageProblem(DeepfakeErrorCode.InvalidImage, "ends (EOI marker at offset " + markerOffset + ") before any image data");
                }

                if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7))
                {
                    continue;
                }

                if (!stream.TryReadExactly(header, 0, 2))
                {
                    throw ImageProblem.Truncated("ends inside the JPEG segment header at offset " + markerOffset);
                }

                var segmentLength = StreamReading.ReadUInt16BigEndian(header, 0);
                if (segmentLength < 2)
                {
                    throw new ImageProblem(DeepfakeErrorCode.InvalidImage, "has a JPEG segment at offset " + markerOffset + " with an impossible length of " + segmentLength + " bytes; the file is corrupt");
                }

                var payloadLength = segmentLength - 2;
                if (stream.Position + payloadLength > length)
                {
                    throw ImageProblem.Truncated("has a JPEG segment at offset " + markerOffset + " that claims " + payloadLength + " bytes, past the end of the file");
                }

                if (marker == 0xDA)
                {
                    blocks.ImageDataOffset = stream.Position;
                    break;
                }

                if (marker == 0xE1 || marker == 0xEB)
                {
                    var payload = new byte[payloadLength];
                    stream.TryReadExactly(payload, 0, payloadLength);
                    if (marker == 0xE1)
                    {
                        LiftApp1(payload, options, blocks);
                    }
                    else
                    {
                        jumbf.AddJpegSegment(payload, markerOffset);
                    }
                }
                else
                {
                    stream.Seek(payloadLength, SeekOrigin.Current);
                }
            }

            blocks.MissingEndOfImage = !HasEndOfImage(stream, length);
            jumbf.Complete();
        }

        private static int ReadMarker(Stream stream, long offset)
        {
            var first = stream.ReadByte();
            if (first < 0)
            {
                throw ImageProblem.Truncated("ends at offset " + offset + " before its image data (no start-of-scan marker)");
            }

            if (first != 0xFF)
            {
                throw new ImageProblem(DeepfakeErrorCode.InvalidImage, "has no JPEG marker where one must be (offset " + offset + "); the file is corrupt");
            }

            int marker;
            do
            {
                marker = stream.ReadByte();
            }
            while (marker == 0xFF);

            if (marker < 0)
            {
                throw ImageProblem.Truncated("ends at offset " + offset + " before its image data (no start-of-scan marker)");
            }

            return marker;
        }

        private static void LiftApp1(byte[] payload, LocalOptions options, MetadataBlocks blocks)
        {
            if (StreamReading.StartsWith(payload, 0, ExifPreamble))
            {
                if (blocks.TryReserveExif(payload.Length, options.MaxMetadataBytes))
                {
                    var tiff = new byte[payload.Length - ExifPreamble.Length];
                    System.Array.Copy(payload, ExifPreamble.Length, tiff, 0, tiff.Length);
                    blocks.Exif.Add(new MetadataBlock(tiff, "JPEG APP1 (EXIF)"));
                }
                else
                {
                    blocks.Skipped.Add("EXIF segments beyond " + options.MaxMetadataBytes + " bytes");
                }
            }
            else if (StreamReading.StartsWith(payload, 0, XmpPreamble))
            {
                if (blocks.TryReserveXmp(payload.Length, options.MaxMetadataBytes))
                {
                    var xml = new byte[payload.Length - XmpPreamble.Length];
                    System.Array.Copy(payload, XmpPreamble.Length, xml, 0, xml.Length);
                    blocks.Xmp.Add(new MetadataBlock(xml, "XMP (JPEG APP1)"));
                }
                else
                {
                    blocks.Skipped.Add("XMP segments beyond " + options.MaxMetadataBytes + " bytes");
                }
            }
        }

        /// <summary>
        /// EOI should be the last two bytes; some writers append a short trailer (maker data), so a missing EOI there
        /// is looked for in the last 64 KiB. A longer declared trailer (a motion photo's video) is checked by the
        /// provider once the XMP has been read (<see cref="HasEndOfImageBefore"/>).
        /// </summary>
        private static bool HasEndOfImage(Stream stream, long length)
        {
            var scanStart = stream.Position;
            if (length - scanStart < 2)
            {
                throw ImageProblem.Truncated("ends right after its start-of-scan marker, with no image data");
            }

            var tail = new byte[2];
            stream.Position = length - 2;
            if (stream.TryReadExactly(tail, 0, 2) && tail[0] == 0xFF && tail[1] == 0xD9)
            {
                return true;
            }

            return HasEndOfImageBefore(stream, scanStart, length, (int)System.Math.Min(TailWindow, length - scanStart));
        }

        /// <summary>Whether an EOI marker lies in the <paramref name="window"/> bytes before <paramref name="end"/>.</summary>
        public static bool HasEndOfImageBefore(Stream stream, long imageDataStart, long end, int window)
        {
            window = (int)System.Math.Min(window, end - imageDataStart);
            if (window < 2)
            {
                return false;
            }

            var buffer = new byte[window];
            stream.Position = end - window;
            stream.TryReadExactly(buffer, 0, window);
            for (var i = window - 2; i >= 0; i--)
            {
                if (buffer[i] == 0xFF && buffer[i + 1] == 0xD9)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
