using System.Buffers.Binary;

namespace Deepfake.Sandbox.Images;

/// <summary>
/// What the sandbox can tell about an image without a decoder (none is available here): the format from the
/// magic bytes, the size from PNG IHDR or JPEG SOFn, and whether the file is complete enough to decode.
/// </summary>
internal sealed record ImageInfo(ImageFormat Format, int Width, int Height, bool Decodable)
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageInfo Inspect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature))
        {
            return InspectPng(data);
        }

        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return InspectJpeg(data);
        }

        return new ImageInfo(ImageFormat.Unknown, 0, 0, false);
    }

    private static ImageInfo InspectPng(ReadOnlySpan<byte> data)
    {
        int width = 0, height = 0;
        var position = PngSignature.Length;
        var first = true;
        while (position + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            var type = data.Slice(position + 4, 4);
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                break;
            }

            var body = data.Slice(position + 8, (int)length);
            if (first)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13)
                {
                    break;
                }

                width = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body), int.MaxValue);
                height = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body[4..]), int.MaxValue);
                first = false;
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                return new ImageInfo(ImageFormat.Png, width, height, width > 0 && height > 0);
            }

            position += 12 + (int)length;
        }

        return new ImageInfo(ImageFormat.Png, width, height, false);
    }

    private static ImageInfo InspectJpeg(ReadOnlySpan<byte> data)
    {
        int width = 0, height = 0;
        var position = 2;
        var sawScan = false;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                break;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2 || position + 2 + length > data.Length)
            {
                break;
            }

            if (IsStartOfFrame(marker) && length >= 7)
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 7)..]);
            }

            if (marker == 0xDA)
            {
                sawScan = true;
                break;
            }

            position += 2 + length;
        }

        var complete = sawScan && EndsWithEndOfImage(data);
        return new ImageInfo(ImageFormat.Jpeg, width, height, complete && width > 0 && height > 0);
    }

    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    // Encoders may pad after EOI; tolerate a little trailing zero padding.
    private static bool EndsWithEndOfImage(ReadOnlySpan<byte> data)
    {
        var end = data.Length;
        while (end > 2 && data.Length - end < 64 && data[end - 1] == 0)
        {
            end--;
        }

        return end >= 4 && data[end - 2] == 0xFF && data[end - 1] == 0xD9;
    }
}
