using System.Diagnostics;
using System.Net;
using System.Net.Http;
using Deepfake.Sandbox.Tests.Support;

namespace Deepfake.Sandbox.Tests.Hosting;

public sealed class SandboxServerTests
{
    [Fact]
    public async Task Servers_bind_loopback_on_distinct_free_ports_and_stop_on_dispose()
    {
        using var http = VendorCalls.NewClient();
        var first = await SandboxServer.StartAsync();
        await using var second = await SandboxServer.StartAsync();

        Assert.Equal("127.0.0.1", first.BaseAddress.Host);
        Assert.EndsWith("/", first.BaseAddress.AbsoluteUri);
        Assert.NotEqual(first.BaseAddress.Port, second.BaseAddress.Port);
        Assert.Equal(new Uri(first.BaseAddress, "api/v1.0/deepfake"), first.OotoEndpoint);
        Assert.Equal(new Uri(first.BaseAddress, "v1/face/deepfake"), first.VerihubsEndpoint);
        Assert.Equal(HttpStatusCode.OK, (await http.OotoAsync(first, TestImages.Jpeg)).Status);

        await first.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.OotoAsync(first, TestImages.Jpeg));
        Assert.Equal(HttpStatusCode.OK, (await http.OotoAsync(second, TestImages.Jpeg)).Status);
    }

    [Fact]
    public async Task Latency_applies_to_vendor_requests_and_can_change_while_running()
    {
        await using var server = await SandboxServer.StartAsync();
        using var http = VendorCalls.NewClient();
        await http.VerihubsAsync(server, TestImages.Jpeg); // warm up so the timing below is the latency's

        server.Options.Latency = TimeSpan.FromMilliseconds(300);
        var stopwatch = Stopwatch.StartNew();
        var reply = await http.VerihubsAsync(server, TestImages.Jpeg);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {stopwatch.Elapsed}");
    }
}
