using System.IO;
using Deepfake.Tests.Http;

namespace Deepfake.Tests.Verihubs;

/// <summary>The Verihubs client against the sandbox over real loopback HTTP.</summary>
public sealed class VerihubsSandboxTests : IClassFixture<SandboxFixture>
{
    private static readonly CheckOptions Everything = new() { IncludeQuality = true, IncludeAttributes = true };
    private readonly SandboxFixture _sandbox;

    public VerihubsSandboxTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_genuine_photo_fills_every_documented_field(bool png)
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);
        var path = _sandbox.Image("outcome=genuine", png);

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(path), Everything);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.False(result.IsDeepfake);
        Assert.Null(result.Score);
        Assert.Null(result.ErrorCode);
        Assert.Equal("Verihubs", result.Provider);
        Assert.True(Guid.TryParse(result.TransactionId, out _));
        Assert.False(string.IsNullOrEmpty(result.ProviderStatus));
        Assert.InRange(result.Timestamp!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(0, result.Rotation);
        Assert.Equal(1, result.FaceCount);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.True(result.Face!.Box!.Width > 0 && result.Face.Box.Height > 0);
        Assert.Equal(new[] { "LeftEye", "RightEye", "Nose", "MouthLeft", "MouthRight" }, result.Face.Landmarks.Select(l => l.Name));
        Assert.True(result.Quality!.IsAcceptable);
        Assert.Equal(new[] { "blur", "dark" }, result.Quality.Metrics.Select(m => m.Name));
        Assert.Equal("none", result.Attributes!.ToString());
        Assert.False(result.Attributes.Sunglasses);
        Assert.NotNull(result.Attributes.FaceBlocker);
        client.AssertNoKey(result.RawResponse, result.Message);
    }

    [Fact]
    public async Task Quality_and_attributes_appear_only_when_asked_for()
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("")), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Null(result.Quality);
        Assert.Null(result.Attributes);
    }

    [Fact]
    public async Task A_deepfake_and_two_faces_are_verdicts()
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);

        var deepfake = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("outcome=deepfake")), CheckOptions.Default);
        var two = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("outcome=multiface")), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Deepfake, deepfake.Status);
        Assert.True(deepfake.IsDeepfake);
        Assert.Equal(2, two.FaceCount);
    }

    [Theory]
    [InlineData("outcome=noface", DeepfakeErrorCode.NoFace, "FACE_NOT_DETECTED")]
    [InlineData("outcome=toosmall", DeepfakeErrorCode.NoFace, "FACE_NOT_DETECTED")]
    [InlineData("outcome=undecodable", DeepfakeErrorCode.InvalidImage, "INVALID_PAYLOAD_IMAGE_MISSING")]
    public async Task Image_errors_are_rejections_with_the_code_kept(string directives, DeepfakeErrorCode expected, string providerCode)
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);
        var path = _sandbox.Image(directives);

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Rejected, result.Status);
        Assert.Equal(expected, result.ErrorCode);
        Assert.Equal(providerCode, result.ProviderCode);
        Assert.Equal(400, result.HttpStatus);
        Assert.Contains(path, result.Message);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("verihubs"));
    }

    [Theory]
    [InlineData("outcome=lowquality", DeepfakeErrorCode.QualityRejected, "FAIL_ON_4", new[] { "quality validation: blur, dark" })]
    [InlineData("outcome=attribute", DeepfakeErrorCode.AttributeRejected, "FAIL_ON_2", new[] { "attribute validation: sunglasses" })]
    [InlineData("outcome=lowquality;outcome=attribute", DeepfakeErrorCode.QualityRejected, "FAIL_ON_6", new[] { "attribute validation", "quality validation" })]
    public async Task Failed_validation_is_a_rejection_with_every_detail(string directives, DeepfakeErrorCode expected, string providerCode, string[] named)
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);
        var options = new CheckOptions { IncludeQuality = true, IncludeAttributes = true, ValidateQuality = true, ValidateAttributes = true };

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image(directives)), options);

        Assert.Equal(DeepfakeStatus.Rejected, result.Status);
        Assert.Equal(expected, result.ErrorCode);
        Assert.Equal(providerCode, result.ProviderCode);
        Assert.Equal(200, result.HttpStatus);
        Assert.NotNull(result.TransactionId);
        Assert.NotNull(result.Face!.Box);
        Assert.NotNull(result.Quality);
        Assert.NotNull(result.Attributes);
        foreach (var part in named)
        {
            Assert.Contains(part, result.Message);
        }
    }

    [Fact]
    public async Task Without_validation_a_poor_image_is_still_a_verdict_with_its_flags()
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("outcome=lowquality;outcome=attribute")), Everything);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(new[] { "blur", "dark" }, result.Quality!.FailedChecks);
        Assert.True(result.Attributes!.Sunglasses);
    }

    [Fact]
    public async Task An_exhausted_quota_fails_and_is_never_retried()
    {
        _sandbox.Server.Options.VerihubsQuota = 1;
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);

        await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("")), CheckOptions.Default);
        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("")), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.QuotaExceeded, error.ErrorCode);
        Assert.Equal("INSUFFICIENT_QUOTA_DEEPFAKE", error.ProviderCode);
        Assert.Equal(403, error.HttpStatus);
        Assert.True(error.ErrorCode.StopsBatch());
        Assert.Equal(2, _sandbox.Server.Stats.RequestCount("verihubs"));
    }

    [Fact]
    public async Task A_wrong_key_is_unauthorized_and_never_retried()
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox, key: "wrong-key-0000");

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("")), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.Unauthorized, error.ErrorCode);
        Assert.Contains("Authorization failed", error.Message);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("verihubs"));
        Assert.DoesNotContain("wrong-key-0000", error.ToString());
        Assert.DoesNotContain("wrong-key-0000", client.DiagnosticText);
    }

    [Fact]
    public async Task An_image_over_the_servers_limit_is_refused_as_too_large()
    {
        _sandbox.Server.Options.VerihubsMaxBytes = 10_000;
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("")), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Rejected, result.Status);
        Assert.Equal(DeepfakeErrorCode.ImageTooLarge, result.ErrorCode);
        Assert.Equal("INVALID_PAYLOAD_IMAGE_SIZE", result.ProviderCode);
    }

    [Fact]
    public async Task The_server_fails_for_code7_and_it_ends_as_a_server_error_after_the_retries()
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox, o => o.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("outcome=code7")), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.ServerError, error.ErrorCode);
        Assert.Equal(500, error.HttpStatus);
        Assert.Contains("Internal server error", error.Message);
        Assert.Equal(2, error.Attempts);
    }

    [Theory]
    [InlineData("429")]
    [InlineData("500")]
    [InlineData("502")]
    [InlineData("503")]
    [InlineData("504")]
    [InlineData("reset")]
    [InlineData("malformed")]
    [InlineData("truncated")]
    public async Task Each_transient_fault_is_retried_then_the_check_succeeds(string kind)
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image($"fault={kind}:2")), Everything);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.NotNull(result.Quality);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _sandbox.Server.Stats.RequestCount("verihubs"));
        Assert.Equal(2, _sandbox.Server.Stats.FaultCount(kind));
    }

    [Theory]
    [InlineData("504", DeepfakeErrorCode.ServerError)]
    [InlineData("truncated", DeepfakeErrorCode.ProtocolError)]
    public async Task A_fault_outlasting_the_retries_fails_clearly_after_the_last_attempt(string kind, DeepfakeErrorCode expected)
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox, o => o.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image($"fault={kind}:5")), CheckOptions.Default));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(2, error.Attempts);
        client.AssertNoKey(error);
    }

    [Fact]
    public async Task A_url_is_passed_through_and_fetched_by_the_server()
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);
        var name = Path.GetFileName(_sandbox.Image("outcome=deepfake"));
        var url = _sandbox.Server.ImageUri(name).AbsoluteUri;

        var result = await provider.CheckAsync(DeepfakeInput.Parse(url), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Deepfake, result.Status);
        Assert.Equal(url, result.Source);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("images"));
        Assert.Contains("(URL " + url + ")", client.DiagnosticText);
    }

    [Fact]
    public async Task A_url_the_server_cannot_fetch_in_time_is_an_image_url_timeout()
    {
        _sandbox.Server.Options.UrlFetchTimeout = TimeSpan.FromMilliseconds(300);
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);
        var url = new Uri(_sandbox.Server.BaseAddress, "_sandbox/stream-forever?delayms=100").AbsoluteUri;

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse(url), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.ImageUrlTimeout, error.ErrorCode);
        Assert.Equal("INVALID_PAYLOAD_IMAGE_TIMEOUT", error.ProviderCode);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("verihubs"));
    }

    [Fact]
    public async Task Pre_flight_refusals_make_no_request()
    {
        var client = new SandboxClient();
        using var provider = client.Verihubs(_sandbox);
        var big = new byte[5 * 1024 * 1024 + 1];
        File.ReadAllBytes(TestFiles.JpegFixture).CopyTo(big, 0);
        var inputs = new[]
        {
            Path.Combine(_sandbox.ImageDirectory, "missing.png"),
            _sandbox.ImageDirectory,
            _sandbox.Write("empty.png", Array.Empty<byte>()),
            _sandbox.Write("gif.jpg", "GIF89a\u0001\u0000"u8.ToArray()),
            _sandbox.Write("big.jpg", big),
        };

        foreach (var input in inputs)
        {
            try
            {
                var result = await provider.CheckAsync(DeepfakeInput.FromFile(input), CheckOptions.Default);
                Assert.Equal(DeepfakeStatus.Rejected, result.Status);
                Assert.Equal(0, result.Attempts);
            }
            catch (DeepfakeException error)
            {
                Assert.Equal(DeepfakeStatus.Failed, error.Status);
            }
        }

        await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse("file:///etc/passwd"), CheckOptions.Default));
        await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("")), new CheckOptions { ValidateQuality = true }));
        Assert.Equal(0, _sandbox.VendorRequests);
    }
}
