using System.IO;
using System.Text;
using Deepfake.Http;
using FsCheck;
using FsCheck.Fluent;

namespace Deepfake.Tests.Http;

public sealed class Base64JsonContentTests
{
    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("{\"image\":\"");
    private static readonly byte[] Suffix = Encoding.UTF8.GetBytes("\",\"is_quality\":true}");

    private static async Task<(long? Declared, string Written)> SendAsync(byte[] image, Stream? stream = null)
    {
        using var content = new Base64JsonContent(Prefix, stream ?? new MemoryStream(image), image.Length, Suffix);
        var declared = content.Headers.ContentLength;
        using var target = new MemoryStream();
        await content.CopyToAsync(target);
        return (declared, Encoding.UTF8.GetString(target.ToArray()));
    }

    private static string Expected(byte[] image) =>
        Encoding.UTF8.GetString(Prefix) + Convert.ToBase64String(image) + Encoding.UTF8.GetString(Suffix);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(Base64JsonContent.ChunkBytes - 1)]
    [InlineData(Base64JsonContent.ChunkBytes)]
    [InlineData(Base64JsonContent.ChunkBytes + 1)]
    [InlineData(Base64JsonContent.ChunkBytes + 2)]
    [InlineData(3 * Base64JsonContent.ChunkBytes + 2)]
    public async Task Writes_exactly_what_ToBase64String_gives_and_declares_its_length(int size)
    {
        var image = new byte[size];
        new Random(size).NextBytes(image);

        var (declared, written) = await SendAsync(image);

        Assert.Equal(Expected(image), written);
        Assert.Equal(Encoding.UTF8.GetByteCount(written), declared);
    }

    [Fact]
    public void Equals_ToBase64String_for_any_bytes_split_into_any_reads()
    {
        var cases = from size in Gen.Choose(0, 3 * Base64JsonContent.ChunkBytes + 7)
                    from seed in Gen.Choose(0, int.MaxValue)
                    from maxRead in Gen.Choose(1, Base64JsonContent.ChunkBytes + 5)
                    select (size, seed, maxRead);

        Prop.ForAll(Arb.From(cases), c =>
        {
            var image = new byte[c.size];
            new Random(c.seed).NextBytes(image);
            var (declared, written) = SendAsync(image, new TrickleStream(image, c.maxRead)).GetAwaiter().GetResult();
            return written == Expected(image) && declared == Encoding.UTF8.GetByteCount(written);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 8)]
    [InlineData(6, 8)]
    [InlineData(5L * 1024 * 1024, 6990508)]
    public void EncodedLength_is_four_per_started_triple(long bytes, long expected)
    {
        Assert.Equal(bytes == 0 ? 0 : expected, Base64JsonContent.EncodedLength(bytes));
    }

    [Theory]
    [InlineData(100, 99)]
    [InlineData(100, 101)]
    public async Task A_stream_of_another_length_than_declared_fails_the_send(int declared, int actual)
    {
        var bytes = new byte[actual];
        using var content = new Base64JsonContent(Prefix, new MemoryStream(bytes), declared, Suffix);

        var error = await Assert.ThrowsAsync<System.Net.Http.HttpRequestException>(() => content.CopyToAsync(new MemoryStream()));

        Assert.Contains("changed while it was being sent", Assert.IsType<IOException>(error.InnerException).Message);
    }

    [Fact]
    public async Task The_content_disposes_its_stream()
    {
        var stream = new MemoryStream(new byte[3]);
        var content = new Base64JsonContent(Prefix, stream, 3, Suffix);
        await content.CopyToAsync(new MemoryStream());

        content.Dispose();

        Assert.False(stream.CanRead);
    }

    /// <summary>Returns at most a few bytes per read, like a slow network share.</summary>
    private sealed class TrickleStream : MemoryStream
    {
        private readonly int _maxRead;

        public TrickleStream(byte[] bytes, int maxRead)
            : base(bytes, writable: false)
        {
            _maxRead = maxRead;
        }

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _maxRead));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, _maxRead), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer.Slice(0, Math.Min(buffer.Length, _maxRead)), cancellationToken);
    }
}
