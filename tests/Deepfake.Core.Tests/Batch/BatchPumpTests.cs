using Deepfake.Batch;
using Deepfake.Diagnostics;

namespace Deepfake.Tests.Batch;

public sealed class BatchPumpTests
{
    private static DeepfakeInput Item(long i) => DeepfakeInput.FromFile("item-" + i + ".jpg");

    /// <summary>A guard against a regression hanging the test run, not a timing assertion.</summary>
    private static CancellationToken Hang() => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public void Drain_writes_results_and_failures_to_their_own_calls_and_progress_up_to_the_total()
    {
        var provider = new FakeProvider(async (input, ct) =>
        {
            await Task.Yield();
            return input.Source.EndsWith("3.jpg", StringComparison.Ordinal)
                ? throw new DeepfakeException(DeepfakeErrorCode.NetworkError, "reset")
                : FakeProvider.Genuine(input);
        });
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default);
        var sink = new RecordingSink();
        for (var i = 0; i < 40; i++)
        {
            batch.Add(Item(i));
        }

        BatchPump.Drain(batch, sink, wait: true, Hang());

        Assert.Equal(36, sink.Results.Count);
        Assert.Equal(4, sink.Failures.Count);
        Assert.All(sink.Failures, o => Assert.Equal(DeepfakeErrorCode.NetworkError, o.Error!.ErrorCode));
        Assert.NotEmpty(sink.Progress);
        Assert.Equal(new BatchProgress(40, 40, true), sink.Progress[^1]);
        Assert.Equal(sink.Progress.Select(p => p.Completed).OrderBy(c => c), sink.Progress.Select(p => p.Completed));
    }

    [Fact]
    public void Drain_without_wait_returns_at_once_when_nothing_is_ready()
    {
        var release = new TaskCompletionSource<DeepfakeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new FakeProvider((input, ct) => release.Task);
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default);
        var sink = new RecordingSink();
        batch.Add(Item(0));

        BatchPump.Drain(batch, sink, wait: false);

        Assert.Empty(sink.All);
        release.SetResult(FakeProvider.Genuine(Item(0)));
        BatchPump.Drain(batch, sink, wait: true, Hang());
        Assert.Single(sink.Results);
    }

    [Theory]
    [InlineData(DeepfakeErrorCode.Unauthorized)]
    [InlineData(DeepfakeErrorCode.QuotaExceeded)]
    public void An_outcome_that_stops_the_batch_cancels_it_and_is_thrown_after_the_outcomes_before_it(DeepfakeErrorCode code)
    {
        var provider = new FakeProvider(async (input, ct) =>
        {
            var i = int.Parse(input.Source.Split('-', '.')[1]);
            if (i < 3) return FakeProvider.Genuine(input);
            if (i == 3) throw new DeepfakeException(code, "refused");
            await Task.Delay(Timeout.Infinite, ct);
            return FakeProvider.Genuine(input);
        });
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { MaxConcurrency = 1 });
        var sink = new RecordingSink();
        for (var i = 0; i < 10; i++)
        {
            batch.Add(Item(i));
        }

        var thrown = Assert.Throws<DeepfakeException>(() => BatchPump.Drain(batch, sink, wait: true, Hang()));

        Assert.Equal(code, thrown.ErrorCode);
        Assert.True(batch.IsCancellationRequested);
        Assert.Equal(new long[] { 0, 1, 2 }, sink.Results.Select(o => o.Index));
        Assert.Empty(sink.Failures);
        var rest = new List<BatchOutcome>();
        while (batch.WaitToRead())
        {
            while (batch.TryRead(out var outcome)) rest.Add(outcome);
        }

        Assert.Equal(Enumerable.Range(4, 6).Select(i => (long)i), rest.Select(o => o.Index).OrderBy(i => i));
        Assert.All(rest, o => Assert.Equal(DeepfakeErrorCode.Cancelled, o.Result.ErrorCode));
    }

    [Fact]
    public void Diagnostics_written_on_worker_threads_reach_the_sink_on_the_draining_thread()
    {
        var diagnostics = new DiagnosticQueue();
        var workerThreads = new HashSet<int>();
        var provider = new FakeProvider(async (input, ct) =>
        {
            await Task.Yield();
            lock (workerThreads) workerThreads.Add(Environment.CurrentManagedThreadId);
            diagnostics.Handler(DiagnosticLevel.Verbose, "POST " + input.Source);
            diagnostics.Handler(DiagnosticLevel.Debug, "200 " + input.Source);
            return FakeProvider.Genuine(input);
        });
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { Diagnostics = diagnostics });
        var sink = new RecordingSink();
        var caller = Environment.CurrentManagedThreadId;
        for (var i = 0; i < 200; i++)
        {
            BatchPump.Add(batch, Item(i), sink);
        }

        BatchPump.Drain(batch, sink, wait: true, Hang());

        Assert.Equal(400, sink.Diagnostics.Count);
        Assert.Equal(new[] { caller }, sink.Threads);
        Assert.DoesNotContain(caller, workerThreads);
        Assert.Equal(200, sink.Results.Count);
    }

    [Fact]
    public void A_provider_bug_is_explained_in_a_debug_diagnostic()
    {
        var diagnostics = new DiagnosticQueue();
        var provider = new FakeProvider((input, ct) => throw new NullReferenceException("oops"));
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { Diagnostics = diagnostics });
        var sink = new RecordingSink();
        batch.Add(Item(0));

        BatchPump.Drain(batch, sink, wait: true, Hang());

        var failure = Assert.Single(sink.Failures);
        Assert.Equal(DeepfakeErrorCode.ProviderError, failure.Error!.ErrorCode);
        Assert.Contains(sink.Diagnostics, d => d.Level == DiagnosticLevel.Debug && d.Message.Contains("NullReferenceException"));
    }

    [Fact]
    public void A_verbose_queue_drops_debug_messages()
    {
        var queue = new DiagnosticQueue(DiagnosticLevel.Verbose);
        queue.Handler(DiagnosticLevel.Debug, "headers");
        queue.Handler(DiagnosticLevel.Verbose, "POST");

        Assert.True(queue.TryRead(out var level, out var message));
        Assert.Equal((DiagnosticLevel.Verbose, "POST"), (level, message));
        Assert.False(queue.TryRead(out _, out _));
    }

    [Fact]
    public void Add_keeps_at_most_MaxPending_inputs_between_add_and_drain()
    {
        const int maxPending = 8;
        var provider = new FakeProvider(async (input, ct) => { await Task.Yield(); return FakeProvider.Genuine(input); });
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { MaxConcurrency = 2, MaxPending = maxPending });
        var sink = new RecordingSink();
        var mostPending = 0L;
        for (var i = 0; i < 2000; i++)
        {
            BatchPump.Add(batch, Item(i), sink);
            mostPending = Math.Max(mostPending, batch.Pending);
        }

        BatchPump.Drain(batch, sink, wait: true, Hang());

        Assert.True(mostPending < maxPending, "pending reached " + mostPending);
        Assert.Equal(2000, sink.Results.Count);
        Assert.Equal(0, batch.Pending);
    }
}
