using System.IO;
using Deepfake.Batch;
using Deepfake.Sandbox;

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
        Assert.Contains(Url("_sandbox/stream-forever?delayms=REDACTED"), result.Message);
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
        Assert.Contains(Url("_sandbox/stream-forever?delayms=REDACTED"), error.Message);
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

    /// <summary>A fresh image on the sandbox's image route, failing its first downloads as <paramref name="faults"/> say.</summary>
    private string FlakyUrl(string faults, string directives = "") =>
        _sandbox.Server.ImageUri(Path.GetFileName(_sandbox.Image(directives))).AbsoluteUri +
        "?" + string.Join("&", faults.Split(';').Select(f => "fault=" + f));

    [Theory]
    [InlineData("503:2")]
    [InlineData("429:1;truncated:1;reset:1")]
    [InlineData("502:1;504:1;500:1")]
    public async Task A_host_failing_transiently_within_the_retry_budget_still_gets_checked(string faults)
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);
        var url = FlakyUrl(faults);
        var failures = faults.Split(';').Sum(f => int.Parse(f.Split(':')[1]));

        var result = await provider.CheckAsync(DeepfakeInput.Parse(url), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(failures + 1, _sandbox.Server.Stats.RequestCount(SandboxRoutes.Images));
        Assert.Equal(failures, _sandbox.Server.Stats.FaultsTotal);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount(SandboxRoutes.Ooto));
        // Every HTTP attempt of the check: the downloads, then the one upload.
        Assert.Equal(failures + 2, result.Attempts);
        Assert.Contains("retry " + failures + " of 3", client.DiagnosticText);
        Assert.DoesNotContain("fault=" + faults.Split(';')[0], client.DiagnosticText);
        client.AssertNoKey(result.Message);
    }

    [Theory]
    [InlineData("503", DeepfakeErrorCode.ServerError, "HTTP 503")]
    [InlineData("500", DeepfakeErrorCode.ServerError, "HTTP 500")]
    [InlineData("502", DeepfakeErrorCode.ServerError, "HTTP 502")]
    [InlineData("504", DeepfakeErrorCode.ServerError, "HTTP 504")]
    [InlineData("429", DeepfakeErrorCode.RateLimited, "HTTP 429")]
    [InlineData("reset", DeepfakeErrorCode.NetworkError, "connection")]
    // The sandbox aborts after half the body; a client that had not read the headers yet sees a reset, so only "connection".
    [InlineData("truncated", DeepfakeErrorCode.NetworkError, "connection")]
    public async Task A_host_failing_beyond_the_budget_fails_the_item_once_with_the_cause(string fault, DeepfakeErrorCode expected, string said)
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox, o => o.MaxRetries = 2);
        var url = FlakyUrl(fault + ":5");

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(url), CheckOptions.Default));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(url, error.InputSource);
        Assert.Contains(said, error.Message);
        Assert.Contains("3 attempts", error.Message);
        Assert.Contains(UrlRedaction(url), error.Message);
        Assert.DoesNotContain("fault=" + fault, error.Message);
        Assert.Equal(3, _sandbox.Server.Stats.RequestCount(SandboxRoutes.Images));
        Assert.Equal(0, _sandbox.VendorRequests);
        var result = DeepfakeResult.FromError(url, provider.Info.Name, error);
        Assert.Equal(DeepfakeStatus.Failed, result.Status);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task Retries_0_downloads_once()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox, o => o.MaxRetries = 0);
        var url = FlakyUrl("503:1");

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(url), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.ServerError, error.ErrorCode);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount(SandboxRoutes.Images));
    }

    [Fact]
    public async Task A_missing_image_is_not_retried_and_says_to_check_the_url()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);
        var url = _sandbox.Server.ImageUri("missing-" + Guid.NewGuid().ToString("N") + ".jpg").AbsoluteUri;

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(url), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("the server answered HTTP 404", error.Message);
        Assert.Contains("Check the URL", error.Message);
        Assert.Equal(404, error.HttpStatus);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount(SandboxRoutes.Images));
        Assert.DoesNotContain("retry", client.DiagnosticText);
    }

    [Fact]
    public async Task A_mixed_batch_ends_every_input_exactly_once()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox, o => o.MaxRetries = 2);
        var good = _sandbox.Server.ImageUri(Path.GetFileName(_sandbox.Image(""))).AbsoluteUri;
        var flaky = FlakyUrl("503:1;reset:1");
        var down = FlakyUrl("503:9");
        var missing = _sandbox.Server.ImageUri("missing-" + Guid.NewGuid().ToString("N") + ".jpg").AbsoluteUri;
        var file = _sandbox.Image("outcome=deepfake");
        var inputs = new[] { good, flaky, down, missing, file };
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { MaxConcurrency = 3 });
        foreach (var input in inputs)
        {
            batch.Add(DeepfakeInput.Parse(input));
        }

        batch.Complete();
        var outcomes = new List<BatchOutcome>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var outcome in batch.ReadAllAsync(limit.Token))
        {
            outcomes.Add(outcome);
        }

        Assert.Equal(inputs.OrderBy(s => s), outcomes.Select(o => o.Input.Source).OrderBy(s => s));
        var by = outcomes.ToDictionary(o => o.Input.Source, o => o.Result);
        Assert.Equal(DeepfakeStatus.Genuine, by[good].Status);
        Assert.Equal(2, by[good].Attempts);
        Assert.Equal(DeepfakeStatus.Genuine, by[flaky].Status);
        Assert.Equal(4, by[flaky].Attempts);
        Assert.Equal(DeepfakeStatus.Failed, by[down].Status);
        Assert.Equal(DeepfakeErrorCode.ServerError, by[down].ErrorCode);
        Assert.Equal(3, by[down].Attempts);
        Assert.Equal(DeepfakeStatus.Failed, by[missing].Status);
        Assert.Equal(DeepfakeErrorCode.InvalidInput, by[missing].ErrorCode);
        Assert.Equal(1, by[missing].Attempts);
        Assert.Equal(DeepfakeStatus.Deepfake, by[file].Status);
        Assert.Equal(1, by[file].Attempts);
        // good 1 + flaky 3 + down 3 + missing 1 downloads; uploads only for the three images that arrived.
        Assert.Equal(8, _sandbox.Server.Stats.RequestCount(SandboxRoutes.Images));
        Assert.Equal(3, _sandbox.Server.Stats.RequestCount(SandboxRoutes.Ooto));
        client.AssertNoKey(string.Join("\n", outcomes.Select(o => o.Result.Message)));
    }

    private static string UrlRedaction(string url) => Deepfake.Diagnostics.UrlRedaction.Redact(url);
}
