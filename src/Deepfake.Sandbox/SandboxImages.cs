using System.Buffers.Binary;
using System.Text;
using Deepfake.Sandbox.Images;

namespace Deepfake.Sandbox;

/// <summary>Writes test images that carry a <c>DFSANDBOX{...}</c> marker and stay valid images.</summary>
public static class SandboxImages
{
    public const string MarkerPrefix = "DFSANDBOX{";

    /// <summary>The marker text for <paramref name="directives"/>, e.g. <c>DFSANDBOX{outcome=deepfake}</c>.</summary>
    public static string Marker(string directives)
    {
        ArgumentNullException.ThrowIfNull(directives);
        if (directives.Contains('}', StringComparison.Ordinal))
        {
            throw new ArgumentException("Directives cannot contain '}', which ends the marker.", nameof(directives));
        }

        return MarkerPrefix + directives + "}";
    }

    /// <summary>
    /// Inserts the marker as a JPEG COM segment right after SOI, or as a PNG tEXt chunk right after IHDR.
    /// Throws <see cref="ArgumentException"/> for anything else.
    /// </summary>
    public static byte[] WithMarker(byte[] jpegOrPng, string directives)
    {
        ArgumentNullException.ThrowIfNull(jpegOrPng);
        var text = Encoding.ASCII.GetBytes(Marker(directives));
        var info = ImageInfo.Inspect(jpegOrPng);
        return info.Format switch
        {
            ImageFormat.Jpeg => InsertJpegComment(jpegOrPng, text),
            ImageFormat.Png => InsertPngText(jpegOrPng, text),
            _ => throw new ArgumentException("Not a JPEG or PNG image.", nameof(jpegOrPng)),
        };
    }

    /// <summary>Reads <paramref name="sourcePath"/>, adds the marker and writes <paramref name="destinationPath"/>.</summary>
    public static void WriteWithMarker(string sourcePath, string destinationPath, string directives) =>
        File.WriteAllBytes(destinationPath, WithMarker(File.ReadAllBytes(sourcePath), directives));

    private static byte[] InsertJpegComment(byte[] jpeg, byte[] text)
    {
        if (text.Length + 2 > ushort.MaxValue)
        {
            throw new ArgumentException("Directives are too long for one JPEG comment segment.", nameof(text));
        }

        var result = new byte[jpeg.Length + 4 + text.Length];
        jpeg.AsSpan(0, 2).CopyTo(result);
        result[2] = 0xFF;
        result[3] = 0xFE;
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(4), (ushort)(text.Length + 2));
        text.CopyTo(result, 6);
        jpeg.AsSpan(2).CopyTo(result.AsSpan(6 + text.Length));
        return result;
    }

    private static byte[] InsertPngText(byte[] png, byte[] text)
    {
        const int afterIhdr = 8 + 12 + 13;
        var keyword = "Comment\0"u8;
        var dataLength = keyword.Length + text.Length;
        var chunk = new byte[12 + dataLength];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)dataLength);
        "tEXt"u8.CopyTo(chunk.AsSpan(4));
        keyword.CopyTo(chunk.AsSpan(8));
        text.CopyTo(chunk, 8 + keyword.Length);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + dataLength), Crc32.Compute(chunk.AsSpan(4, 4 + dataLength)));

        var result = new byte[png.Length + chunk.Length];
        png.AsSpan(0, afterIhdr).CopyTo(result);
        chunk.CopyTo(result, afterIhdr);
        png.AsSpan(afterIhdr).CopyTo(result.AsSpan(afterIhdr + chunk.Length));
        return result;
    }
}
