using System.Net;
using System.Net.Http;
using Deepfake.Sandbox.Tests.Support;

namespace Deepfake.Sandbox.Tests.Faults;

public sealed class RandomFaultTests
{
    [Fact]
    public async Task Same_seed_gives_the_same_fault_sequence()
    {
        var first = await OutcomesAsync(seed: 7, rate: 0.5, count: 24);
        var second = await OutcomesAsync(seed: 7, rate: 0.5, count: 24);
        var other = await OutcomesAsync(seed: 8, rate: 0.5, count: 24);

        Assert.Equal(first.Outcomes, second.Outcomes);
        Assert.NotEqual(first.Outcomes, other.Outcomes);
        Assert.Contains("OK", first.Outcomes);
        Assert.Contains(first.Outcomes, o => o != "OK");
    }

    [Fact]
    public async Task Rate_one_faults_every_request_with_the_four_transient_kinds_and_counts_them()
    {
        var (outcomes, stats) = await OutcomesAsync(seed: 1, rate: 1.0, count: 40);

        Assert.Equal(40, stats.FaultsTotal);
        Assert.Equal(new[] { "429", "503", "reset", "truncated" }, stats.Faults.Keys.Order());
        Assert.All(outcomes, o => Assert.Contains(o, new[] { "TooManyRequests", "ServiceUnavailable", "reset", "truncated" }));
        Assert.Equal(stats.FaultCount("reset"), outcomes.Count(o => o == "reset"));
        Assert.Equal(stats.FaultCount("truncated"), outcomes.Count(o => o == "truncated"));
    }

    [Fact]
    public async Task Rate_can_change_while_running()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { FaultRate = 1.0, Seed = 3 });
        using var http = VendorCalls.NewClient();

        server.Options.FaultRate = 0;
        var reply = await http.OotoAsync(server, TestImages.Jpeg);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(0, server.Stats.FaultsTotal);
    }

    private static async Task<(List<string> Outcomes, SandboxStats Stats)> OutcomesAsync(int seed, double rate, int count)
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { FaultRate = rate, Seed = seed });
        using var http = VendorCalls.NewClient();
        var outcomes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            try
            {
                var reply = await http.OotoAsync(server, TestImages.Jpeg);
                outcomes.Add(reply.Status == HttpStatusCode.OK && !reply.IsJson ? "truncated" : reply.Status.ToString());
            }
            catch (HttpRequestException)
            {
                outcomes.Add("reset");
            }
        }

        return (outcomes, server.Stats);
    }
}
