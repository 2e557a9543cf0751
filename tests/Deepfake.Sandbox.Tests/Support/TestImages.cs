using System.Buffers.Binary;
using System.IO;

namespace Deepfake.Sandbox.Tests.Support;

/// <summary>The shared photos (tests/Fixtures, linked into the output) and hand-made broken images.</summary>
internal static class TestImages
{
    private static readonly Lazy<byte[]> JpegBytes = new(() => File.ReadAllBytes(PathOf("astronaut.jpg")));
    private static readonly Lazy<byte[]> PngBytes = new(() => File.ReadAllBytes(PathOf("astronaut.png")));

    public static byte[] Jpeg => (byte[])JpegBytes.Value.Clone();

    public static byte[] Png => (byte[])PngBytes.Value.Clone();

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The JPEG with a marker; a fresh nonce makes the bytes unique, so fault counters start at zero.</summary>
    public static byte[] JpegWith(string directives) => SandboxImages.WithMarker(Jpeg, directives + ";nonce=" + Guid.NewGuid().ToString("N"));

    public static byte[] PngWith(string directives) => SandboxImages.WithMarker(Png, directives + ";nonce=" + Guid.NewGuid().ToString("N"));

    /// <summary>A structurally complete PNG (signature, IHDR, IEND) of the given size; pixels are not needed here.</summary>
    public static byte[] TinyPng(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(stream, "IHDR", ihdr);
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>The photo grown to exactly <paramref name="totalBytes"/> with JPEG comment segments, still a valid JPEG.</summary>
    public static byte[] JpegPaddedTo(long totalBytes)
    {
        var jpeg = Jpeg;
        using var stream = new MemoryStream();
        stream.Write(jpeg, 0, 2);
        var remaining = totalBytes - jpeg.Length;
        while (remaining > 0)
        {
            // A segment is 4 header bytes plus up to 65533 payload bytes; never leave fewer than 4 for the last one.
            var size = (int)Math.Min(remaining, 4 + 65533);
            if (remaining - size is > 0 and < 4)
            {
                size -= 4;
            }

            var payload = size - 4;
            stream.Write([0xFF, 0xFE, (byte)((payload + 2) >> 8), (byte)(payload + 2)]);
            stream.Write(new byte[payload]);
            remaining -= size;
        }

        stream.Write(jpeg, 2, jpeg.Length - 2);
        return stream.ToArray();
    }

    /// <summary>A JPEG cut before its end-of-image marker.</summary>
    public static byte[] JpegWithoutEnd()
    {
        var jpeg = Jpeg;
        return jpeg[..(jpeg.Length / 2)];
    }

    /// <summary>A PNG whose IEND chunk is missing.</summary>
    public static byte[] PngWithoutEnd()
    {
        var png = Png;
        return png[..(png.Length - 12)];
    }

    /// <summary>A PNG whose first chunk is not a 13-byte IHDR.</summary>
    public static byte[] PngWithBadHeader()
    {
        var png = Png;
        png[8 + 3] = 12; // IHDR length 13 -> 12
        return png;
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        stream.Write(length);
        stream.Write(System.Text.Encoding.ASCII.GetBytes(type));
        stream.Write(data);
        stream.Write(new byte[4]); // the sandbox does not check CRCs of chunks it only walks
    }
}
