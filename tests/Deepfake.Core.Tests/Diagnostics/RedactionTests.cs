using System.Net;
using Deepfake.Credentials;
using Deepfake.Diagnostics;
using Deepfake.Tests.Http;

namespace Deepfake.Tests.Diagnostics;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("APP-KEY", "s3cret", "***")]
    [InlineData("API-Key", "s3cret", "***")]
    [InlineData("api-key", "s3cret", "***")]
    [InlineData("Authorization", "Bearer s3cret", "***")]
    [InlineData("X-Custom-Token", "s3cret", "REDACTED")]
    [InlineData("APP-ID", "app-1", "app-1")]
    [InlineData("Content-Type", "application/json", "application/json")]
    [InlineData("Retry-After", "7", "7")]
    [InlineData("Location", "https://cdn.example/a.jpg?sig=s3cret&x=1", "https://cdn.example/a.jpg?sig=REDACTED&x=REDACTED")]
    public void Headers_show_only_what_the_allow_list_lets_through(string name, string value, string shown)
    {
        Assert.Equal(shown, HeaderRedaction.Value(name, new[] { value }));
    }

    [Theory]
    [InlineData("https://cdn.example/a.jpg", "https://cdn.example/a.jpg")]
    [InlineData("https://cdn.example/a.jpg?sig=abc", "https://cdn.example/a.jpg?sig=REDACTED")]
    [InlineData("https://cdn.example/a.jpg?flag&sig=abc#top", "https://cdn.example/a.jpg?flag&sig=REDACTED")]
    public void Url_query_values_are_hidden(string url, string shown)
    {
        Assert.Equal(shown, UrlRedaction.Redact(url));
    }

    [Fact]
    public void A_credential_never_prints_its_key()
    {
        var credential = new ProviderCredential(StubProviders.AppId, StubProviders.Key);

        Assert.DoesNotContain(StubProviders.Key, credential.ToString());
        Assert.DoesNotContain(StubProviders.Key, credential.KeyHint);
    }

    [Fact]
    public async Task Diagnostics_show_the_request_line_and_headers_with_keys_as_stars()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.Unauthorized, "{\"message\":\"Authorization failed\"}");
        using var provider = stubs.Verihubs();

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(TestFiles.JpegFixture), CheckOptions.Default));

        var verbose = stubs.Diagnostics.Where(d => d.Level == DiagnosticLevel.Verbose).Select(d => d.Message).ToList();
        var line = Assert.Single(verbose);
        Assert.Matches(@"^POST http://vendor\.test/v1/face/deepfake \(astronaut\.jpg, 66489 bytes\) -> 401 in \d+ ms, attempt 1$", line);
        var debug = string.Join("\n", stubs.Diagnostics.Where(d => d.Level == DiagnosticLevel.Debug).Select(d => d.Message));
        Assert.Contains("App-ID: " + StubProviders.AppId, debug);
        Assert.Contains("API-Key: ***", debug);
        Assert.DoesNotContain(StubProviders.Key, stubs.DiagnosticText);
        Assert.DoesNotContain(StubProviders.Key, error.ToString());
        Assert.Equal(DeepfakeErrorCode.Unauthorized, error.ErrorCode);
    }

    [Fact]
    public async Task A_throwing_diagnostics_handler_does_not_fail_the_check()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.OK, """{"result":{"deepfake":{"score":0.97,"fine":true}}}""");
        using var provider = stubs.Ooto(o => o.Diagnostics = (_, _) => throw new InvalidOperationException("sink broke"));

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(TestFiles.JpegFixture), CheckOptions.Default);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
    }
}
