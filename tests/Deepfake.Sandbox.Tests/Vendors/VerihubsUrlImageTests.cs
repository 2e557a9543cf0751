using System.IO;
using System.Net;
using Deepfake.Sandbox.Tests.Support;

namespace Deepfake.Sandbox.Tests.Vendors;

public sealed class VerihubsUrlImageTests : SandboxTestBase, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sandbox-images-").FullName;

    public VerihubsUrlImageTests()
    {
        File.Copy(TestImages.PathOf("astronaut.jpg"), Path.Combine(_directory, "astronaut.jpg"));
        File.WriteAllBytes(Path.Combine(_directory, "deepfake.png"), SandboxImages.WithMarker(TestImages.Png, "outcome=deepfake"));
        File.WriteAllBytes(Path.Combine(_directory, "big.jpg"), TestImages.JpegPaddedTo(200_000));
    }

    protected override SandboxOptions CreateOptions() => new() { ImageDirectory = _directory, UrlFetchTimeout = TimeSpan.FromSeconds(3) };

    [Fact]
    public async Task Url_image_from_the_sandbox_gives_the_same_answer_as_its_base64()
    {
        var byUrl = await Http.VerihubsAsync(Server, VendorCalls.Payload(Server.ImageUri("astronaut.jpg").ToString()));
        var byBase64 = await Http.VerihubsAsync(Server, TestImages.Jpeg);

        Assert.Equal(HttpStatusCode.OK, byUrl.Status);
        Assert.Equal(VendorCalls.WithoutVolatileFields(byBase64.Body), VendorCalls.WithoutVolatileFields(byUrl.Body));
        Assert.Equal(1, Server.Stats.RequestCount(SandboxRoutes.Images));
    }

    [Fact]
    public async Task Markers_in_url_images_apply()
    {
        var reply = await Http.VerihubsAsync(Server, VendorCalls.Payload(Server.ImageUri("deepfake.png").ToString()));

        Assert.True(reply.Json.GetProperty("deepfake").GetBoolean());
    }

    [Fact]
    public async Task Localhost_name_is_loopback_too()
    {
        var url = new UriBuilder(Server.ImageUri("astronaut.jpg")) { Host = "localhost" }.Uri;

        Assert.Equal(HttpStatusCode.OK, (await Http.VerihubsAsync(Server, VendorCalls.Payload(url.ToString()))).Status);
    }

    [Fact]
    public async Task One_redirect_is_followed()
    {
        var url = new Uri(Server.BaseAddress, "_sandbox/redirect?to=" + Uri.EscapeDataString(Server.ImageUri("astronaut.jpg").ToString()));

        var reply = await Http.VerihubsAsync(Server, VendorCalls.Payload(url.AbsoluteUri));

        Assert.True(reply.Status == HttpStatusCode.OK, reply.Body);
    }

    [Theory]
    [InlineData("_sandbox/images/missing.jpg")]
    [InlineData("_sandbox/redirect-loop")]
    [InlineData("_sandbox/redirect?to=http%3A%2F%2Fexample.com%2Fface.jpg")]
    public async Task Unreachable_or_foreign_urls_are_image_missing(string path)
    {
        var reply = await Http.VerihubsAsync(Server, VendorCalls.Payload(new Uri(Server.BaseAddress, path).ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_PAYLOAD_IMAGE_MISSING", reply.Json.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task Url_that_never_finishes_is_image_timeout()
    {
        var reply = await Http.VerihubsAsync(Server, VendorCalls.Payload(new Uri(Server.BaseAddress, "_sandbox/stream-forever").ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_PAYLOAD_IMAGE_TIMEOUT", reply.Json.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task Url_image_over_the_limit_is_image_size()
    {
        Server.Options.VerihubsMaxBytes = 100_000;
        try
        {
            var bigFile = await Http.VerihubsAsync(Server, VendorCalls.Payload(Server.ImageUri("big.jpg").ToString()));
            var endless = await Http.VerihubsAsync(Server, VendorCalls.Payload(new Uri(Server.BaseAddress, "_sandbox/stream-forever?delayms=0").ToString()));

            Assert.Equal("INVALID_PAYLOAD_IMAGE_SIZE", bigFile.Json.GetProperty("error_code").GetString());
            Assert.Equal("INVALID_PAYLOAD_IMAGE_SIZE", endless.Json.GetProperty("error_code").GetString());
        }
        finally
        {
            Server.Options.VerihubsMaxBytes = SandboxOptions.DefaultVerihubsMaxBytes;
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
