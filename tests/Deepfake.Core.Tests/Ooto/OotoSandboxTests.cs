using System.IO;
using Deepfake.Tests.Http;

namespace Deepfake.Tests.Ooto;

/// <summary>The OOTO client against the sandbox over real loopback HTTP.</summary>
public sealed class OotoSandboxTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public OotoSandboxTests(SandboxFixture sandbox)
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
        using var provider = client.Ooto(_sandbox);
        var path = _sandbox.Image("outcome=genuine", png);

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.False(result.IsDeepfake);
        Assert.InRange(result.Score!.Value, 0.90, 1.0);
        Assert.Null(result.Threshold);
        Assert.Null(result.ErrorCode);
        Assert.True(Guid.TryParse(result.TransactionId, out _));
        Assert.Equal(path, result.Source);
        Assert.Equal("Ooto", result.Provider);
        Assert.Equal(1, result.FaceCount);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.NotNull(result.Timestamp);
        Assert.Contains("\"transactionId\"", result.RawResponse);
        Assert.NotNull(result.Face!.Box);
        Assert.True(result.Face.Box!.Width > 0 && result.Face.Box.Height > 0);
        Assert.NotEmpty(result.Face.Landmarks);
        Assert.NotNull(result.Quality!.Pitch);
        Assert.NotNull(result.Quality.Yaw);
        Assert.NotNull(result.Quality.Roll);
        Assert.All(new[] { "uniformity", "exposure", "contrast", "flare", "blur", "macroblocks", "distortion", "occlusion", "emotion", "leftEyeClosed", "rightEyeClosed", "crfiqa" },
            name => Assert.NotNull(result.Quality[name]?.Value));
        Assert.NotNull(result.Demography!.Age);
        Assert.NotNull(result.Demography.Gender);
        Assert.NotNull(result.Demography.Race);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("ooto"));
        client.AssertNoKey(result.RawResponse, result.Message);
    }

    [Fact]
    public async Task A_deepfake_has_a_low_score_and_a_callers_threshold_decides_when_given()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);

        var deepfake = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("outcome=deepfake")), CheckOptions.Default);
        var strict = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("outcome=genuine")), new CheckOptions { Threshold = 0.9999 });
        var lenient = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("outcome=deepfake")), new CheckOptions { Threshold = 0.01 });

        Assert.Equal(DeepfakeStatus.Deepfake, deepfake.Status);
        Assert.True(deepfake.IsDeepfake);
        Assert.InRange(deepfake.Score!.Value, 0.0, 0.35);
        Assert.Equal(DeepfakeStatus.Deepfake, strict.Status);
        Assert.Equal(0.9999, strict.Threshold);
        Assert.Equal(DeepfakeStatus.Genuine, lenient.Status);
        Assert.Equal(0.01, lenient.Threshold);
    }

    [Theory]
    [InlineData("outcome=noface", DeepfakeErrorCode.NoFace, "5")]
    [InlineData("outcome=multiface", DeepfakeErrorCode.MultipleFaces, "6")]
    [InlineData("outcome=toosmall", DeepfakeErrorCode.FaceTooSmall, "9")]
    [InlineData("outcome=undecodable", DeepfakeErrorCode.InvalidImage, "4")]
    public async Task Engine_errors_are_rejections_with_the_code_kept(string directives, DeepfakeErrorCode expected, string providerCode)
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);
        var path = _sandbox.Image(directives);

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Rejected, result.Status);
        Assert.Equal(expected, result.ErrorCode);
        Assert.Equal(providerCode, result.ProviderCode);
        Assert.Equal(400, result.HttpStatus);
        Assert.NotNull(result.TransactionId);
        Assert.Contains(path, result.Message);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("ooto"));
    }

    [Fact]
    public async Task An_undocumented_engine_code_fails_with_its_number_and_text()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("outcome=code7")), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.ProviderError, error.ErrorCode);
        Assert.Equal("7", error.ProviderCode);
        Assert.Contains("face is too close to the image border", error.Message);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("ooto"));
    }

    [Theory]
    [InlineData("outcome=lowquality", "blur")]
    [InlineData("outcome=attribute", "occlusion")]
    public async Task Quality_verdicts_come_back_with_the_metric_that_failed(string directives, string metric)
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image(directives)), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Contains(metric, result.Quality!.FailedChecks);
        Assert.False(result.Quality[metric]!.Fine);
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
        using var provider = client.Ooto(_sandbox);

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image($"fault={kind}:2")), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _sandbox.Server.Stats.RequestCount("ooto"));
        Assert.Equal(2, _sandbox.Server.Stats.FaultCount(kind));
        Assert.Equal(2, client.Time.AutoAdvancedDelays.Count);
        Assert.Contains("retry 2 of 3", client.DiagnosticText);
    }

    [Fact]
    public async Task The_429s_retry_after_is_the_wait()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);

        await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("fault=429:2")), CheckOptions.Default);

        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) }, client.Time.AutoAdvancedDelays);
    }

    [Theory]
    [InlineData("503", DeepfakeErrorCode.ServerError)]
    [InlineData("429", DeepfakeErrorCode.RateLimited)]
    [InlineData("reset", DeepfakeErrorCode.NetworkError)]
    [InlineData("malformed", DeepfakeErrorCode.ProtocolError)]
    public async Task A_fault_outlasting_the_retries_fails_clearly_after_the_last_attempt(string kind, DeepfakeErrorCode expected)
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox, o => o.MaxRetries = 2);
        var path = _sandbox.Image($"fault={kind}:5");

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default));

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, _sandbox.Server.Stats.RequestCount("ooto"));
        Assert.Contains(path, error.Message);
        client.AssertNoKey(error);
    }

    [Fact]
    public async Task A_slow_answer_hits_the_attempt_timeout_and_the_retry_gets_through()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox, o =>
        {
            // Generous: the retry must answer within it on a loaded 2-core machine; the slow body takes 20 s.
            o.TimeProvider = TimeProvider.System;
            o.AttemptTimeout = TimeSpan.FromSeconds(3);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("fault=slow:1;slowms=20000")), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("no answer within 3000 ms", client.DiagnosticText);
        Assert.Contains("-> no answer (timed out) in ", client.DiagnosticText);
    }

    [Fact]
    public async Task A_wrong_key_is_unauthorized_and_never_retried()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox, key: "wrong-key-0000");

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(_sandbox.Image("")), CheckOptions.Default));

        Assert.True(error.ErrorCode == DeepfakeErrorCode.Unauthorized, error.ToString() + client.DiagnosticText);
        Assert.True(error.ErrorCode.StopsBatch());
        Assert.Equal(401, error.HttpStatus);
        Assert.Equal(1, _sandbox.Server.Stats.RequestCount("ooto"));
        Assert.DoesNotContain("wrong-key-0000", error.ToString());
        Assert.DoesNotContain("wrong-key-0000", client.DiagnosticText);
    }

    [Fact]
    public async Task Pre_flight_refusals_make_no_request()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox, o => o.MaxImageBytes = 200_000);
        var inputs = new[]
        {
            Path.Combine(_sandbox.ImageDirectory, "missing.jpg"),
            _sandbox.ImageDirectory,
            _sandbox.Write("empty.jpg", Array.Empty<byte>()),
            _sandbox.Write("notes.jpg", "not an image"u8.ToArray()),
            _sandbox.Image("", png: true),
        };

        foreach (var input in inputs)
        {
            try
            {
                var result = await provider.CheckAsync(DeepfakeInput.FromFile(input), CheckOptions.Default);
                Assert.Equal(DeepfakeStatus.Rejected, result.Status);
            }
            catch (DeepfakeException error)
            {
                Assert.Equal(DeepfakeStatus.Failed, error.Status);
            }
        }

        await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse("ftp://127.0.0.1/a.jpg"), CheckOptions.Default));
        Assert.Equal(0, _sandbox.VendorRequests);
        Assert.Empty(client.Diagnostics);
    }

    [Fact]
    public async Task Diagnostics_name_the_request_and_hide_the_key()
    {
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox);
        var path = _sandbox.Image("fault=503:1");

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default);

        var size = new FileInfo(path).Length;
        Assert.Contains($"Verbose POST {_sandbox.Server.OotoEndpoint} ({Path.GetFileName(path)}, {size} bytes) -> 503 in ", client.DiagnosticText);
        Assert.Contains("ms, attempt 2", client.DiagnosticText);
        Assert.Contains("APP-KEY: ***", client.DiagnosticText);
        Assert.Contains("APP-ID: " + SandboxFixture.OotoAppId, client.DiagnosticText);
        client.AssertNoKey(result.RawResponse, result.Message);
    }
}
