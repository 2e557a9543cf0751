using System.Net;
using Deepfake.Sandbox.Tests.Support;

namespace Deepfake.Sandbox.Tests.Vendors;

public sealed class DeterminismTests : SandboxTestBase
{
    [Fact]
    public async Task Same_bytes_give_the_same_ooto_body_except_the_transaction_id()
    {
        var first = await Http.OotoAsync(Server, TestImages.Jpeg);
        var second = await Http.OotoAsync(Server, TestImages.Jpeg);

        Assert.Equal(VendorCalls.WithoutVolatileFields(first.Body), VendorCalls.WithoutVolatileFields(second.Body));
        Assert.NotEqual(first.Json.GetProperty("transactionId").GetString(), second.Json.GetProperty("transactionId").GetString());
    }

    [Fact]
    public async Task Same_bytes_give_the_same_verihubs_body_except_session_and_time()
    {
        var image = TestImages.PngWith("outcome=deepfake");
        var first = await Http.VerihubsAsync(Server, image, isQuality: true, isAttribute: true);
        var second = await Http.VerihubsAsync(Server, image, isQuality: true, isAttribute: true);

        Assert.Equal(VendorCalls.WithoutVolatileFields(first.Body), VendorCalls.WithoutVolatileFields(second.Body));
        Assert.NotEqual(first.Json.GetProperty("session_id").GetString(), second.Json.GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Same_bytes_give_the_same_answer_on_another_server()
    {
        await using var other = await SandboxServer.StartAsync();
        var here = await Http.OotoAsync(Server, TestImages.Png, "image/png");
        var there = await Http.OotoAsync(other, TestImages.Png, "image/png");

        Assert.Equal(VendorCalls.WithoutVolatileFields(here.Body), VendorCalls.WithoutVolatileFields(there.Body));
    }

    [Fact]
    public async Task Different_bytes_give_different_scores()
    {
        var scores = new HashSet<double>();
        for (var i = 0; i < 5; i++)
        {
            var reply = await Http.OotoAsync(Server, TestImages.JpegWith("outcome=genuine"));
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            scores.Add(reply.Json.GetProperty("result").GetProperty("deepfake").GetProperty("score").GetDouble());
        }

        Assert.Equal(5, scores.Count);
    }
}
