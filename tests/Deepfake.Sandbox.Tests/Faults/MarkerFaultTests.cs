using System.Diagnostics;
using System.Net;
using System.Net.Http;
using Deepfake.Sandbox.Tests.Support;

namespace Deepfake.Sandbox.Tests.Faults;

public sealed class MarkerFaultTests : SandboxTestBase
{
    public static TheoryData<string, string, HttpStatusCode> StatusFaults => new()
    {
        { SandboxRoutes.Ooto, "429", HttpStatusCode.TooManyRequests },
        { SandboxRoutes.Ooto, "500", HttpStatusCode.InternalServerError },
        { SandboxRoutes.Ooto, "502", HttpStatusCode.BadGateway },
        { SandboxRoutes.Ooto, "503", HttpStatusCode.ServiceUnavailable },
        { SandboxRoutes.Ooto, "504", HttpStatusCode.GatewayTimeout },
        { SandboxRoutes.Verihubs, "429", HttpStatusCode.TooManyRequests },
        { SandboxRoutes.Verihubs, "500", HttpStatusCode.InternalServerError },
        { SandboxRoutes.Verihubs, "502", HttpStatusCode.BadGateway },
        { SandboxRoutes.Verihubs, "503", HttpStatusCode.ServiceUnavailable },
        { SandboxRoutes.Verihubs, "504", HttpStatusCode.GatewayTimeout },
    };

    [Theory]
    [MemberData(nameof(StatusFaults))]
    public async Task Status_fault_answers_N_times_then_succeeds(string route, string kind, HttpStatusCode status)
    {
        var image = TestImages.JpegWith($"fault={kind}:2");

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var reply = await Call(route, image);
            Assert.Equal(status, reply.Status);
            if (status == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromSeconds(1), reply.Message.Headers.RetryAfter?.Delta);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await Call(route, image)).Status);
        Assert.Equal(2, Server.Stats.FaultCount(kind));
    }

    [Theory]
    [InlineData(SandboxRoutes.Ooto)]
    [InlineData(SandboxRoutes.Verihubs)]
    public async Task Reset_aborts_the_connection_then_succeeds(string route)
    {
        var image = TestImages.JpegWith("fault=reset:1");

        await Assert.ThrowsAsync<HttpRequestException>(() => Call(route, image));

        Assert.Equal(HttpStatusCode.OK, (await Call(route, image)).Status);
        Assert.Equal(1, Server.Stats.FaultCount(FaultKinds.Reset));
    }

    [Theory]
    [InlineData(SandboxRoutes.Ooto)]
    [InlineData(SandboxRoutes.Verihubs)]
    public async Task Malformed_is_a_200_that_is_not_json_then_succeeds(string route)
    {
        var image = TestImages.JpegWith("fault=malformed:1");

        var first = await Call(route, image);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.False(first.IsJson);

        var second = await Call(route, image);
        Assert.True(second.IsJson);
        Assert.Equal(HttpStatusCode.OK, second.Status);
    }

    [Theory]
    [InlineData(SandboxRoutes.Ooto, "", HttpStatusCode.OK)]
    [InlineData(SandboxRoutes.Verihubs, "", HttpStatusCode.OK)]
    [InlineData(SandboxRoutes.Ooto, ";outcome=noface", HttpStatusCode.BadRequest)]
    [InlineData(SandboxRoutes.Verihubs, ";outcome=noface", HttpStatusCode.BadRequest)]
    public async Task Truncated_keeps_the_real_status_and_cuts_the_body_then_succeeds(string route, string extra, HttpStatusCode status)
    {
        var image = TestImages.JpegWith("fault=truncated:1" + extra);

        var first = await Call(route, image);
        var second = await Call(route, image);

        Assert.Equal(status, first.Status);
        Assert.False(first.IsJson);
        Assert.Equal(status, second.Status);
        Assert.True(second.IsJson);
        Assert.StartsWith(first.Body[..Math.Min(first.Body.Length, 2)], second.Body);
    }

    [Theory]
    [InlineData(SandboxRoutes.Ooto)]
    [InlineData(SandboxRoutes.Verihubs)]
    public async Task Slow_sends_headers_and_holds_the_body_until_the_client_gives_up_then_succeeds(string route)
    {
        var image = TestImages.JpegWith("fault=slow:1;slowms=600000");

        using (var response = await Send(route, image, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => response.Content.ReadAsStringAsync(giveUp.Token));
        }

        Assert.Equal(HttpStatusCode.OK, (await Call(route, image)).Status);
        Assert.Equal(1, Server.Stats.FaultCount(FaultKinds.Slow));
    }

    [Fact]
    public async Task Slow_with_a_short_delay_delivers_the_whole_body()
    {
        var reply = await Call(SandboxRoutes.Ooto, TestImages.JpegWith("fault=slow:1;slowms=50"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(reply.IsJson);
    }

    [Fact]
    public async Task Several_faults_apply_in_order()
    {
        var image = TestImages.PngWith("fault=429:1;fault=503:1;fault=reset:1");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Call(SandboxRoutes.Verihubs, image)).Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Call(SandboxRoutes.Verihubs, image)).Status);
        await Assert.ThrowsAsync<HttpRequestException>(() => Call(SandboxRoutes.Verihubs, image));
        Assert.Equal(HttpStatusCode.OK, (await Call(SandboxRoutes.Verihubs, image)).Status);
    }

    [Fact]
    public async Task Attempts_are_counted_per_route()
    {
        var image = TestImages.JpegWith("fault=503:1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Call(SandboxRoutes.Ooto, image)).Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Call(SandboxRoutes.Verihubs, image)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(SandboxRoutes.Ooto, image)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(SandboxRoutes.Verihubs, image)).Status);
    }

    [Fact]
    public async Task Latency_marker_delays_the_answer_at_least_that_long()
    {
        var stopwatch = Stopwatch.StartNew();
        var reply = await Call(SandboxRoutes.Ooto, TestImages.JpegWith("latency=300"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Stats_count_requests_faults_and_responses()
    {
        var image = TestImages.JpegWith("fault=429:1");
        await Call(SandboxRoutes.Ooto, image);
        await Call(SandboxRoutes.Ooto, image);
        await Call(SandboxRoutes.Verihubs, TestImages.Jpeg);

        var stats = Server.Stats;
        Assert.Equal(2, stats.RequestCount(SandboxRoutes.Ooto));
        Assert.Equal(1, stats.RequestCount(SandboxRoutes.Verihubs));
        Assert.Equal(1, stats.FaultCount(FaultKinds.TooManyRequests));
        Assert.Equal(1, stats.FaultsTotal);
        Assert.Equal(1, stats.ResponseCount(429));
        Assert.Equal(2, stats.ResponseCount(200));
    }

    private async Task<Reply> Call(string route, byte[] image) =>
        route == SandboxRoutes.Ooto ? await Http.OotoAsync(Server, image) : await Http.VerihubsAsync(Server, image);

    private Task<HttpResponseMessage> Send(string route, byte[] image, HttpCompletionOption completion)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route == SandboxRoutes.Ooto ? Server.OotoEndpoint : Server.VerihubsEndpoint);
        if (route == SandboxRoutes.Ooto)
        {
            request.Content = new MultipartFormDataContent { { new ByteArrayContent(image), "photo", "a.jpg" } };
            request.Headers.Add("APP-ID", "a");
            request.Headers.Add("APP-KEY", "k");
        }
        else
        {
            request.Content = new StringContent(VendorCalls.Payload(Convert.ToBase64String(image)), System.Text.Encoding.UTF8, "application/json");
            request.Headers.Add("App-ID", "a");
            request.Headers.Add("API-Key", "k");
        }

        return Http.SendAsync(request, completion);
    }
}
