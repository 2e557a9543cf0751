using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using Deepfake.Sandbox.Tests.Support;

namespace Deepfake.Sandbox.Tests.Tools;

public sealed class ToolEndpointTests : SandboxTestBase, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sandbox-tools-").FullName;
    private readonly HttpClient _noRedirects = VendorCalls.NewClient(followRedirects: false);

    public ToolEndpointTests()
    {
        File.Copy(TestImages.PathOf("astronaut.jpg"), Path.Combine(_directory, "a.jpg"));
        File.Copy(TestImages.PathOf("astronaut.png"), Path.Combine(_directory, "a.png"));
    }

    protected override SandboxOptions CreateOptions() => new() { ImageDirectory = _directory };

    [Theory]
    [InlineData("a.jpg", "image/jpeg")]
    [InlineData("a.png", "image/png")]
    public async Task Images_are_served_with_image_content_types(string name, string contentType)
    {
        using var response = await Http.GetAsync(Server.ImageUri(name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_directory, name)), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("_sandbox/images/missing.jpg")]
    [InlineData("_sandbox/images/..%2Fsecret.jpg")]
    [InlineData("_sandbox/images/%2Fetc%2Fpasswd")]
    public async Task Missing_files_and_paths_outside_the_directory_are_404(string path)
    {
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(_directory)!, "secret.jpg"), "secret");

        using var response = await Http.GetAsync(new Uri(Server.BaseAddress, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Redirect_loop_points_at_itself()
    {
        using var response = await _noRedirects.GetAsync(new Uri(Server.BaseAddress, "_sandbox/redirect-loop"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/_sandbox/redirect-loop", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Redirect_sends_one_302_to_the_target()
    {
        using var response = await _noRedirects.GetAsync(new Uri(Server.BaseAddress, "_sandbox/redirect?to=" + Uri.EscapeDataString("http://127.0.0.1:9/x.jpg")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://127.0.0.1:9/x.jpg"), response.Headers.Location);
    }

    [Fact]
    public async Task Stream_forever_keeps_sending_a_jpeg_until_the_client_leaves()
    {
        using var response = await Http.GetAsync(new Uri(Server.BaseAddress, "_sandbox/stream-forever?delayms=0"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength);

        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long total = 0;
        while (total < 1_000_000)
        {
            var read = await body.ReadAsync(buffer);
            Assert.True(read > 0, "the stream ended");
            total += read;
        }

        Assert.Equal(1, Server.Stats.RequestCount(SandboxRoutes.StreamForever));
    }

    [Fact]
    public async Task Stats_endpoint_serves_the_counters_as_json()
    {
        await Http.OotoAsync(Server, TestImages.JpegWith("fault=503:1"));
        await Http.VerihubsAsync(Server, TestImages.Jpeg);

        var root = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Server.BaseAddress, "_sandbox/stats"))).RootElement;

        Assert.Equal(1, root.GetProperty("requests").GetProperty("ooto").GetInt64());
        Assert.Equal(1, root.GetProperty("requests").GetProperty("verihubs").GetInt64());
        Assert.Equal(1, root.GetProperty("faults").GetProperty("503").GetInt64());
        Assert.Equal(1, root.GetProperty("responses").GetProperty("503").GetInt64());
        Assert.Equal(1, root.GetProperty("responses").GetProperty("200").GetInt64());
        Assert.Equal(1, root.GetProperty("faultsTotal").GetInt64());
        Assert.Equal(1, root.GetProperty("verihubsQuotaUsed").GetInt64());
    }

    public void Dispose()
    {
        _noRedirects.Dispose();
        Directory.Delete(_directory, recursive: true);
        File.Delete(Path.Combine(Path.GetDirectoryName(_directory)!, "secret.jpg"));
    }
}
