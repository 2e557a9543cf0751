using System.IO;

namespace Deepfake.Tests.Http;

/// <summary>OOTO takes no URLs: the client fetches the image (from the sandbox's image routes), then uploads it.</summary>
public sealed class ImageDownloadSandboxTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ImageDownloadSandboxTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    /// <summary>The result, or the result standing for the error: refusals and failures read alike here.</summary>
    private static async Task<DeepfakeResult> OutcomeAsync(Deepfake.Providers.IDeepfakeProvider provider, DeepfakeInput input)
    {
        try
        {
            return await provider.CheckAsync(input, CheckOptions.Default);
        }
        catch (DeepfakeException error)
        {
            return DeepfakeResult.FromError(input.Source, provider.Info.Name, error);
        }
    }

    private string Url(string relative) => new Uri(_sandbox.Server.BaseAddress, relative).AbsoluteUri;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_image_url_is_downloaded_then_uploaded(bool png)
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);
        var url = _sandbox.Server.ImageUri(Path.GetFileName(_sandbox.Image("outcome=deepfake", png))).AbsoluteUri;

        var result = await provider.CheckAsync(DeepfakeInput.Parse(url), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Deepfake, result.Status);
        Assert.Equal(url, result.Source);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("images"));
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("ooto"));
        Assert.Contains("GET " + url + " -> 200", client.DiagnosticText);
    }

    [Fact]
    public async Task Redirects_are_followed_by_hand()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);
        var target = _sandbox.Server.ImageUri(Path.GetFileName(_sandbox.Image(""))).AbsoluteUri;

        var result = await provider.CheckAsync(DeepfakeInput.Parse(Url("_sandbox/redirect?to=" + Uri.EscapeDataString(target))), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("redirect"));
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("images"));
    }

    [Fact]
    public async Task A_redirect_loop_stops_at_the_limit_without_an_upload()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox, o => o.MaxDownloadRedirects = 3);
        var url = Url("_sandbox/redirect-loop");

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(url), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains(url, error.Message);
        Assert.Contains("redirected more than 3 times", error.Message);
        Assert.Equal(4, _sandbox.Server.Stats.RequestCount("redirect-loop"));
        Assert.Equal(0, _sandbox.VendorRequests);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(Url("_sandbox/redirect?to=" + Uri.EscapeDataString("ftp://127.0.0.1/a.jpg"))), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("ftp", error.Message);
        Assert.Equal(0, _sandbox.VendorRequests);
    }

    [Fact]
    public async Task An_endless_image_stops_at_the_size_cap()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox, o => o.MaxImageBytes = 256 * 1024);
        var url = Url("_sandbox/stream-forever?delayms=0");

        var result = await provider.CheckAsync(DeepfakeInput.Parse(url), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Rejected, result.Status);
        Assert.Equal(DeepfakeErrorCode.ImageTooLarge, result.ErrorCode);
        Assert.Contains(url, result.Message);
        Assert.Equal(0, _sandbox.VendorRequests);
    }

    [Fact]
    public async Task A_slow_image_stops_at_the_download_timeout()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox, o => { o.TimeProvider = TimeProvider.System; o.DownloadTimeout = TimeSpan.FromMilliseconds(300); });
        var url = Url("_sandbox/stream-forever?delayms=100");

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(url), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.Timeout, error.ErrorCode);
        Assert.Contains(url, error.Message);
        Assert.Equal(0, _sandbox.VendorRequests);
    }

    [Theory]
    [InlineData("missing.jpg", DeepfakeErrorCode.InvalidInput, "404")]
    [InlineData("anim.gif", DeepfakeErrorCode.UnsupportedMediaType, "JPEG or PNG")]
    [InlineData("notes.txt", DeepfakeErrorCode.UnsupportedMediaType, "JPEG or PNG")]
    public async Task What_is_not_a_reachable_jpeg_or_png_is_refused_without_an_upload(string name, DeepfakeErrorCode expected, string said)
    {
        _sandbox.Write("anim.gif", "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray());
        _sandbox.Write("notes.txt", "hello"u8.ToArray());
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);
        var url = _sandbox.Server.ImageUri(name).AbsoluteUri;

        var result = await OutcomeAsync(provider, DeepfakeInput.Parse(url));

        Assert.Equal(expected, result.ErrorCode);
        Assert.Contains(url, result.Message);
        Assert.Contains(said, result.Message);
        Assert.Equal(0, _sandbox.VendorRequests);
    }

    [Fact]
    public async Task A_refused_connection_is_a_network_error_naming_the_url()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);
        var url = "http://127.0.0.1:1/a.jpg";

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(url), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.NetworkError, error.ErrorCode);
        Assert.Contains(url, error.Message);
    }
}
