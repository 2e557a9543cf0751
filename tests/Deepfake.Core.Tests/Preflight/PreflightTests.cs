using System.IO;
using Deepfake.Preflight;
using Deepfake.Tests.Http;

namespace Deepfake.Tests.Preflight;

/// <summary>Inputs refused before any request: the stand-in server must see nothing.</summary>
public sealed class PreflightTests
{
    public static TheoryData<string> Providers => new() { "Ooto", "Verihubs" };

    private static Deepfake.Providers.IDeepfakeProvider Create(StubProviders stubs, string name) =>
        name == "Ooto" ? stubs.Ooto(o => o.MaxImageBytes = 100_000) : stubs.Verihubs(o => o.MaxImageBytes = 100_000);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_missing_file_fails_as_file_not_found(string name)
    {
        using var files = new TestFiles();
        var stubs = new StubProviders();
        using var provider = Create(stubs, name);
        var path = Path.Combine(files.Directory, "missing.jpg");

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.FileNotFound, error.ErrorCode);
        Assert.Contains(path, error.Message);
        Assert.Equal(path, error.InputSource);
        Assert.Equal(name, error.Provider);
        Assert.Empty(stubs.Handler.Requests);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_directory_fails_as_invalid_input(string name)
    {
        using var files = new TestFiles();
        var stubs = new StubProviders();
        using var provider = Create(stubs, name);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(files.Directory), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("directory", error.Message);
        Assert.Empty(stubs.Handler.Requests);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Refused_images_are_rejections_made_without_a_request(string name)
    {
        using var files = new TestFiles();
        var stubs = new StubProviders();
        using var provider = Create(stubs, name);
        var cases = new[]
        {
            (files.Write("empty.jpg", Array.Empty<byte>()), DeepfakeErrorCode.EmptyImage),
            (files.Write("text.jpg", "just some text, not an image"u8.ToArray()), DeepfakeErrorCode.UnsupportedMediaType),
            (files.Write("gif.png", "GIF89a........"u8.ToArray()), DeepfakeErrorCode.UnsupportedMediaType),
            (files.Copy(TestFiles.PngFixture, "large.png"), DeepfakeErrorCode.ImageTooLarge),
        };

        foreach (var (path, code) in cases)
        {
            var result = await provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default);

            Assert.Equal(DeepfakeStatus.Rejected, result.Status);
            Assert.Equal(code, result.ErrorCode);
            Assert.Equal(0, result.Attempts);
            Assert.Contains(path, result.Message);
            Assert.Equal(name, result.Provider);
        }

        Assert.Empty(stubs.Handler.Requests);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_url_with_another_scheme_fails_as_invalid_input(string name)
    {
        var stubs = new StubProviders();
        using var provider = Create(stubs, name);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse("ftp://images.example/a.jpg"), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("ftp", error.Message);
        Assert.Empty(stubs.Handler.Requests);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task No_credential_fails_as_unauthorized_without_a_request(string name)
    {
        var stubs = new StubProviders();
        using var provider = name == "Ooto" ? (Deepfake.Providers.IDeepfakeProvider)stubs.Ooto(o => o.Credential = null) : stubs.Verihubs(o => o.Credential = null);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(TestFiles.JpegFixture), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.Unauthorized, error.ErrorCode);
        Assert.Contains("DEEPFAKE_" + name.ToUpperInvariant() + "_APP_ID", error.Message);
        Assert.Empty(stubs.Handler.Requests);
    }

    [Fact]
    public void The_format_comes_from_the_bytes_not_the_name()
    {
        using var files = new TestFiles();
        var png = files.Copy(TestFiles.PngFixture, "photo.jpg");
        var jpeg = files.Copy(TestFiles.JpegFixture, "photo.png");

        Assert.Equal(ImageFormat.Png, ImagePreflight.CheckFile(png, "Ooto", long.MaxValue).Format);
        Assert.Equal(ImageFormat.Jpeg, ImagePreflight.CheckFile(jpeg, "Ooto", long.MaxValue).Format);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF }, "Jpeg")]
    [InlineData(new byte[] { 0xFF, 0xD8 }, "Unknown")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "Png")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A }, "Unknown")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0 }, "Unknown")]
    public void Sniffs_magic_bytes(byte[] header, string expected)
    {
        Assert.Equal(expected, ImageSniffer.Sniff(header, header.Length).ToString());
    }
}
