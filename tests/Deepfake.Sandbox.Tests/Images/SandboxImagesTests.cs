using System.Buffers.Binary;
using System.Text;
using Deepfake.Sandbox.Images;
using Deepfake.Sandbox.Markers;
using Deepfake.Sandbox.Tests.Support;

namespace Deepfake.Sandbox.Tests.Images;

public sealed class SandboxImagesTests
{
    [Fact]
    public void Marked_jpeg_stays_a_complete_jpeg_of_the_same_size()
    {
        var marked = SandboxImages.WithMarker(TestImages.Jpeg, "outcome=deepfake");

        Assert.Equal(new ImageInfo(ImageFormat.Jpeg, 512, 512, true), ImageInfo.Inspect(marked));
        Assert.Equal(0xFE, marked[3]); // COM right after SOI
        Assert.Contains("DFSANDBOX{outcome=deepfake}", Encoding.ASCII.GetString(marked));
    }

    [Fact]
    public void Marked_png_gets_a_text_chunk_with_a_correct_crc()
    {
        var marked = SandboxImages.WithMarker(TestImages.Png, "fault=429:1");

        Assert.Equal(new ImageInfo(ImageFormat.Png, 512, 512, true), ImageInfo.Inspect(marked));
        const int chunk = 8 + 25;
        Assert.Equal("tEXt", Encoding.ASCII.GetString(marked, chunk + 4, 4));
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(marked.AsSpan(chunk));
        Assert.Equal(Crc32.Compute(marked.AsSpan(chunk + 4, 4 + length)), BinaryPrimitives.ReadUInt32BigEndian(marked.AsSpan(chunk + 8 + length)));
        Assert.Equal("Comment\0DFSANDBOX{fault=429:1}", Encoding.ASCII.GetString(marked, chunk + 8, length));
    }

    [Fact]
    public void Crc32_matches_the_png_specification_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void Non_images_and_closing_braces_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SandboxImages.WithMarker("GIF89a"u8.ToArray(), "outcome=deepfake"));
        Assert.Throws<ArgumentException>(() => SandboxImages.WithMarker(TestImages.Jpeg, "outcome=}"));
    }

    [Fact]
    public void Marker_directives_parse_outcomes_faults_in_order_latency_and_slowms()
    {
        var marker = SandboxMarker.Find(SandboxImages.WithMarker(TestImages.Jpeg, " outcome=Deepfake ; outcome=lowquality;fault=429:2;fault=reset:1;latency=250;slowms=10;nonce=x;fault=bogus:1"));

        Assert.True(marker.Has("deepfake"));
        Assert.True(marker.Has("lowquality"));
        Assert.Equal([new FaultStep("429", 2), new FaultStep("reset", 1)], marker.Faults);
        Assert.Equal(["429", "429", "reset", null], new long[] { 1, 2, 3, 4 }.Select(marker.FaultForAttempt));
        Assert.Equal(250, marker.LatencyMilliseconds);
        Assert.Equal(10, marker.SlowMilliseconds);
    }

    [Fact]
    public void Unmarked_image_has_no_directives()
    {
        var marker = SandboxMarker.Find(TestImages.Png);

        Assert.Empty(marker.Outcomes);
        Assert.Empty(marker.Faults);
        Assert.Equal(SandboxMarker.DefaultSlowMilliseconds, marker.SlowMilliseconds);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "Unknown")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "Jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "Png")]
    public void Fragments_are_recognised_by_magic_bytes_but_not_decodable(byte[] data, string format)
    {
        var info = ImageInfo.Inspect(data);

        Assert.Equal(format, info.Format.ToString());
        Assert.False(info.Decodable);
    }
}
