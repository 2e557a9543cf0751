using System.IO;
using System.Net;
using System.Text.Json;
using Deepfake.Tests.Http;

namespace Deepfake.Tests.Verihubs;

public sealed class VerihubsRequestTests
{
    private const string Genuine = """{"message":"Request Success","session_id":"s","deepfake":false,"nface":1}""";

    [Theory]
    [InlineData(false, false, false, false)]
    [InlineData(true, false, false, false)]
    [InlineData(true, true, true, true)]
    [InlineData(false, true, false, true)]
    public async Task Sends_the_file_as_base64_json_with_every_documented_flag(bool quality, bool attributes, bool validateQuality, bool validateAttributes)
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.OK, Genuine);
        using var provider = stubs.Verihubs();
        var options = new CheckOptions { IncludeQuality = quality, IncludeAttributes = attributes, ValidateQuality = validateQuality, ValidateAttributes = validateAttributes };

        var result = await provider.CheckAsync(DeepfakeInput.FromFile(TestFiles.JpegFixture), options);

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        var request = Assert.Single(stubs.Handler.Requests);
        Assert.Equal("http://vendor.test/v1/face/deepfake", request.Uri.AbsoluteUri);
        Assert.Equal(StubProviders.AppId, request.Headers["App-ID"]);
        Assert.Equal(StubProviders.Key, request.Headers["API-Key"]);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(request.Body.Length, request.ContentLength);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(File.ReadAllBytes(TestFiles.JpegFixture), Convert.FromBase64String(root.GetProperty("image").GetString()!));
        Assert.Equal(quality, root.GetProperty("is_quality").GetBoolean());
        Assert.Equal(attributes, root.GetProperty("is_attribute").GetBoolean());
        Assert.Equal(validateQuality, root.GetProperty("validate_quality").GetBoolean());
        Assert.Equal(validateAttributes, root.GetProperty("validate_attribute").GetBoolean());
    }

    [Fact]
    public async Task Passes_an_image_url_through()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.OK, Genuine);
        using var provider = stubs.Verihubs();

        await provider.CheckAsync(DeepfakeInput.Parse("https://images.example/a b.jpg?sig=abc"), CheckOptions.Default);

        using var json = JsonDocument.Parse(stubs.Handler.Requests.Single().Body);
        Assert.Equal("https://images.example/a%20b.jpg?sig=abc", json.RootElement.GetProperty("image").GetString());
        Assert.DoesNotContain("sig=abc", stubs.DiagnosticText);
    }

    [Theory]
    [InlineData(false, false, true, false, "INVALID_PAYLOAD_QUALITY_VALIDATION_DEPENDENCY")]
    [InlineData(false, false, false, true, "INVALID_PAYLOAD_ATTRIBUTE_VALIDATION_DEPENDENCY")]
    [InlineData(false, true, true, true, "INVALID_PAYLOAD_QUALITY_VALIDATION_DEPENDENCY")]
    public async Task Validation_without_the_matching_include_fails_without_a_request(bool quality, bool attributes, bool validateQuality, bool validateAttributes, string code)
    {
        var stubs = new StubProviders();
        using var provider = stubs.Verihubs();
        var options = new CheckOptions { IncludeQuality = quality, IncludeAttributes = attributes, ValidateQuality = validateQuality, ValidateAttributes = validateAttributes };

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(TestFiles.JpegFixture), options));

        Assert.Equal(DeepfakeErrorCode.InvalidRequest, error.ErrorCode);
        Assert.Equal(code, error.ProviderCode);
        Assert.Equal(0, error.Attempts);
        Assert.Empty(stubs.Handler.Requests);
    }
}
