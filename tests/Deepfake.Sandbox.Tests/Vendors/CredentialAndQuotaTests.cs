using System.Net;
using Deepfake.Sandbox.Tests.Support;

namespace Deepfake.Sandbox.Tests.Vendors;

public sealed class CredentialAndQuotaTests : SandboxTestBase
{
    private const string OotoId = "ooto-id";
    private const string OotoKey = "ooto-secret-7d2a";
    private const string VerihubsId = "vh-id";
    private const string VerihubsKey = "vh-secret-91c0";

    protected override SandboxOptions CreateOptions() => new()
    {
        OotoAppId = OotoId,
        OotoAppKey = OotoKey,
        VerihubsAppId = VerihubsId,
        VerihubsApiKey = VerihubsKey,
        VerihubsQuota = 2,
    };

    [Theory]
    [InlineData(OotoId, OotoKey, HttpStatusCode.OK)]
    [InlineData(OotoId, "wrong", HttpStatusCode.Unauthorized)]
    [InlineData("wrong", OotoKey, HttpStatusCode.Unauthorized)]
    [InlineData(VerihubsId, VerihubsKey, HttpStatusCode.Unauthorized)]
    public async Task Pinned_ooto_pair_admits_only_itself(string id, string key, HttpStatusCode status)
    {
        Assert.Equal(status, (await Http.OotoAsync(Server, TestImages.Jpeg, appId: id, appKey: key)).Status);
    }

    [Theory]
    [InlineData(VerihubsId, "wrong")]
    [InlineData("wrong", VerihubsKey)]
    [InlineData(OotoId, OotoKey)]
    public async Task Pinned_verihubs_pair_refuses_others_without_using_quota(string id, string key)
    {
        var reply = await Http.VerihubsAsync(Server, VendorCalls.Payload(Convert.ToBase64String(TestImages.Jpeg)), id, key);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("Authorization failed", reply.Json.GetProperty("message").GetString());
        Assert.Equal(0, Server.Stats.VerihubsQuotaUsed);
    }

    [Fact]
    public async Task Quota_allows_N_successful_calls_then_answers_403_and_errors_cost_nothing()
    {
        var noFace = await Call(TestImages.JpegWith("outcome=noface"));
        var faulted = await Call(TestImages.JpegWith("fault=503:1"));
        Assert.Equal(HttpStatusCode.BadRequest, noFace.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.Status);
        Assert.Equal(0, Server.Stats.VerihubsQuotaUsed);

        Assert.Equal(HttpStatusCode.OK, (await Call(TestImages.Jpeg)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(TestImages.Png)).Status);
        var refused = await Call(TestImages.Jpeg);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("INSUFFICIENT_QUOTA_DEEPFAKE", refused.Json.GetProperty("error_code").GetString());
        Assert.Equal("Insufficient deepfake quota", refused.Json.GetProperty("message").GetString());
        Assert.Equal(2, Server.Stats.VerihubsQuotaUsed);
    }

    [Fact]
    public async Task Concurrent_calls_never_exceed_the_quota()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Call(TestImages.Jpeg)));

        Assert.Equal(2, replies.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(6, replies.Count(r => r.Status == HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Reset_gives_the_quota_back()
    {
        Server.Stats.Reset();
        Assert.Equal(HttpStatusCode.OK, (await Call(TestImages.Jpeg)).Status);
        Server.Stats.Reset();
        Assert.Equal(0, Server.Stats.VerihubsQuotaUsed);
        Assert.Equal(HttpStatusCode.OK, (await Call(TestImages.Jpeg)).Status);
    }

    private Task<Reply> Call(byte[] image) =>
        Http.VerihubsAsync(Server, VendorCalls.Payload(Convert.ToBase64String(image)), VerihubsId, VerihubsKey);
}
