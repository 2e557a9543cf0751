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
    public async Task A_fault_query_fails_the_first_downloads_then_serves_the_file()
    {
        var uri = new Uri(Server.ImageUri("a.jpg") + "?fault=503:2");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Http.GetAsync(uri);
            statuses.Add(response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(_directory, "a.jpg")), await response.Content.ReadAsByteArrayAsync());
            }
        }

        Assert.Equal(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }, statuses);
        Assert.Equal(3, Server.Stats.RequestCount(SandboxRoutes.Images));
        Assert.Equal(2, Server.Stats.FaultCount(FaultKinds.ServiceUnavailable));
        Assert.Empty(Server.Stats.Responses);
    }

    [Fact]
    public async Task Image_faults_count_per_name_and_query_and_combine_in_order()
    {
        var both = new Uri(Server.ImageUri("a.png") + "?fault=429:1&fault=502:1");
        var other = new Uri(Server.ImageUri("a.jpg") + "?fault=429:1&fault=502:1");

        using var first = await Http.GetAsync(both);
        using var second = await Http.GetAsync(both);
        using var third = await Http.GetAsync(both);
        using var elsewhere = await Http.GetAsync(other);

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal("image/png", third.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_reset_fault_drops_the_connection_without_an_answer()
    {
        var uri = new Uri(Server.ImageUri("a.jpg") + "?fault=reset:1");

        await Assert.ThrowsAsync<HttpRequestException>(() => Http.GetAsync(uri));
        using var after = await Http.GetAsync(uri);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(1, Server.Stats.FaultCount(FaultKinds.Reset));
    }

    [Fact]
    public async Task A_truncated_fault_cuts_the_body_short_of_its_declared_length()
    {
        var uri = new Uri(Server.ImageUri("a.jpg") + "?fault=truncated:1");

        // Either the headers arrive and the body read fails, or the abort overtakes the headers: never a complete answer.
        var failure = await Record.ExceptionAsync(async () =>
        {
            using var response = await Http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(new FileInfo(Path.Combine(_directory, "a.jpg")).Length, response.Content.Headers.ContentLength);
            await response.Content.ReadAsByteArrayAsync();
        });

        Assert.True(failure is HttpRequestException or IOException, "expected a broken download, got " + (failure?.GetType().Name ?? "a complete answer"));
        Assert.Equal(1, Server.Stats.FaultCount(FaultKinds.Truncated));
    }

    [Fact]
    public async Task A_missing_file_is_404_whatever_fault_is_asked_for()
    {
        using var response = await Http.GetAsync(new Uri(Server.ImageUri("missing.jpg") + "?fault=503:1"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, Server.Stats.FaultsTotal);
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
