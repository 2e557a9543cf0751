using Deepfake.Batch;
using Deepfake.Tests.Http;

namespace Deepfake.Tests.Batch;

/// <summary>A refused key stops a batch over real loopback HTTP before the workers send the rest.</summary>
public sealed class BatchStopSandboxTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public BatchStopSandboxTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public void A_wrong_key_sends_no_more_requests_than_the_workers_had_in_flight()
    {
        const int bound = 4;
        const int count = 200;
        var client = new SandboxClient();
        using var provider = client.Ooto(_sandbox, key: "wrong-KEY-do-not-print-0b7e");
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { MaxConcurrency = bound });
        var sink = new RecordingSink();
        var inputs = Enumerable.Range(0, count).Select(_ => DeepfakeInput.FromFile(_sandbox.Image("outcome=genuine"))).ToList();
        foreach (var input in inputs)
        {
            batch.Add(input);
        }

        var thrown = Assert.Throws<DeepfakeException>(() => BatchPump.Drain(batch, sink, wait: true, new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token));

        Assert.Equal(DeepfakeErrorCode.Unauthorized, thrown.ErrorCode);
        var rest = new List<BatchOutcome>();
        while (batch.WaitToRead())
        {
            while (batch.TryRead(out var outcome)) rest.Add(outcome);
        }

        // A worker starts its next call only after its last one ended, and the first 401 stops every worker, so at
        // most one request per worker reaches the server (a 401 is never retried).
        var requests = _sandbox.Server.Stats.RequestCount("ooto");
        Assert.InRange(requests, 1, bound);
        Assert.Empty(sink.Results);
        var all = sink.Failures.Concat(rest).ToList();
        // Every input once: the one thrown for the adapter to stop on, and an outcome for each of the others.
        Assert.Equal(count - 1, all.Select(o => o.Index).Distinct().Count());
        Assert.Equal(inputs.Select(i => i.Source).Except(all.Select(o => o.Input.Source)), new[] { thrown.InputSource });
        Assert.All(all, o => Assert.Contains(o.Error!.ErrorCode, new[] { DeepfakeErrorCode.Unauthorized, DeepfakeErrorCode.Cancelled }));
        Assert.True(all.Count(o => o.Error!.ErrorCode == DeepfakeErrorCode.Cancelled) >= count - bound);
        client.AssertNoKey(thrown.Message);
    }
}
