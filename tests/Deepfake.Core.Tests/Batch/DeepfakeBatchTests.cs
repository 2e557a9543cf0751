using Deepfake.Batch;

namespace Deepfake.Tests.Batch;

public sealed class DeepfakeBatchTests
{
    private static DeepfakeInput Item(long i) => DeepfakeInput.FromFile("item-" + i + ".jpg");

    private static List<BatchOutcome> DrainAll(DeepfakeBatch batch)
    {
        batch.Complete();
        var outcomes = new List<BatchOutcome>();
        // A guard against a regression hanging the test run, not a timing assertion.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (batch.WaitToRead(hang.Token))
        {
            while (batch.TryRead(out var outcome))
            {
                outcomes.Add(outcome);
            }
        }

        return outcomes;
    }

    [Fact]
    public void Every_input_gets_exactly_one_outcome_whatever_the_provider_does()
    {
        const int count = 3000;
        var provider = new FakeProvider(async (input, ct) =>
        {
            var i = int.Parse(input.Source.Split('-', '.')[1]);
            if (i % 2 == 0) await Task.Yield();
            switch (i % 8)
            {
                case 0: return FakeProvider.Genuine(input);
                case 1: throw new DeepfakeException(DeepfakeErrorCode.NoFace, "No face in " + input.Source);
                case 2: throw new DeepfakeException(DeepfakeErrorCode.ServerError, "503 for " + input.Source);
                case 3: throw new InvalidOperationException("provider bug " + i);
                case 4: return null!;
                case 5: return new DeepfakeResult { Source = input.Source, Status = DeepfakeStatus.Failed, ErrorCode = DeepfakeErrorCode.Timeout, Message = "slow" };
                case 6: throw new OperationCanceledException("a timeout inside the provider, not the caller's cancellation");
                default: return new DeepfakeResult { Source = input.Source, Status = DeepfakeStatus.Deepfake, IsDeepfake = true };
            }
        });
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { MaxConcurrency = 8 });
        for (var i = 0; i < count; i++)
        {
            batch.Add(Item(i));
        }

        var outcomes = DrainAll(batch);

        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), outcomes.Select(o => o.Index).OrderBy(i => i));
        Assert.All(outcomes, o => Assert.Equal(Item(o.Index).Source, o.Input.Source));
        Assert.All(outcomes, o => Assert.Equal(o.Input.Source, o.Result.Source));
        Assert.All(outcomes, o => Assert.Equal(o.Result.Status == DeepfakeStatus.Failed, o.Error != null));
        var expected = new[]
        {
            (DeepfakeStatus.Genuine, (DeepfakeErrorCode?)null),
            (DeepfakeStatus.Rejected, DeepfakeErrorCode.NoFace),
            (DeepfakeStatus.Failed, DeepfakeErrorCode.ServerError),
            (DeepfakeStatus.Failed, DeepfakeErrorCode.ProviderError),
            (DeepfakeStatus.Failed, DeepfakeErrorCode.ProviderError),
            (DeepfakeStatus.Failed, DeepfakeErrorCode.Timeout),
            (DeepfakeStatus.Failed, DeepfakeErrorCode.ProviderError),
            (DeepfakeStatus.Deepfake, null),
        };
        Assert.All(outcomes, o => Assert.Equal(expected[o.Index % 8], (o.Result.Status, o.Result.ErrorCode)));
        Assert.All(outcomes.Where(o => o.Index % 8 == 3), o =>
        {
            Assert.Contains("InvalidOperationException", o.Error!.Message);
            Assert.Contains(o.Input.Source, o.Error.Message);
        });
        Assert.True(provider.MaxInFlight <= 8);
        Assert.Equal(new BatchProgress(count, count, true), batch.Progress);
    }

    /// <summary>An exception that cannot even be described, as when memory runs out while its message is built.</summary>
    private sealed class UndescribableException : Exception
    {
        public override string Message => throw new OutOfMemoryException();

        public override string ToString() => throw new OutOfMemoryException();
    }

    [Fact]
    public void An_input_whose_failure_cannot_even_be_reported_still_gets_its_one_outcome_and_the_workers_go_on()
    {
        const int count = 200;
        var provider = new FakeProvider(async (input, ct) =>
        {
            await Task.Yield();
            return int.Parse(input.Source.Split('-', '.')[1]) % 2 == 0 ? FakeProvider.Genuine(input) : throw new UndescribableException();
        });
        // Diagnostics on: the provider-bug path writes the exception's ToString there, which throws too.
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { MaxConcurrency = 4, Diagnostics = new Deepfake.Batch.DiagnosticQueue(Deepfake.Diagnostics.DiagnosticLevel.Debug) });
        for (var i = 0; i < count; i++)
        {
            batch.Add(Item(i));
        }

        var outcomes = DrainAll(batch);

        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), outcomes.Select(o => o.Index).OrderBy(i => i));
        var failed = outcomes.Where(o => o.Index % 2 == 1).ToList();
        Assert.All(failed, o => Assert.Equal(DeepfakeErrorCode.ProviderError, o.Error?.ErrorCode));
        Assert.All(failed, o => Assert.Contains("'" + o.Input.Source + "' could not be checked", o.Error!.Message));
        Assert.All(outcomes.Where(o => o.Index % 2 == 0), o => Assert.Equal(DeepfakeStatus.Genuine, o.Result.Status));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public async Task Concurrency_reaches_the_bound_and_never_exceeds_it(int bound)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        FakeProvider provider = null!;
        provider = new FakeProvider(async (input, ct) =>
        {
            if (provider.InFlight >= bound) full.TrySetResult();
            await release.Task;
            return FakeProvider.Genuine(input);
        });
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { MaxConcurrency = bound });
        for (var i = 0; i < bound * 5; i++)
        {
            batch.Add(Item(i));
        }

        await full.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(bound, provider.Calls);
        release.SetResult();
        var outcomes = DrainAll(batch);

        Assert.Equal(bound * 5, outcomes.Count);
        Assert.Equal(bound, provider.MaxInFlight);
    }

    [Fact]
    public void Progress_counts_submitted_and_completed_and_knows_the_total_only_after_Complete()
    {
        var provider = new FakeProvider((input, ct) => Task.FromResult(FakeProvider.Genuine(input)));
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default);
        Assert.Equal(new BatchProgress(0, 0, false), batch.Progress);

        batch.Add(Item(0));
        batch.Add(Item(1));
        var before = batch.Progress;
        Assert.Equal(2, before.Submitted);
        Assert.Null(before.Total);
        Assert.Null(before.PercentComplete);

        var outcomes = DrainAll(batch);
        Assert.Equal(2, outcomes.Count);
        var after = batch.Progress;
        Assert.Equal(2, after.Total);
        Assert.Equal(2, after.Completed);
        Assert.Equal(100.0, after.PercentComplete);
        Assert.Equal(0, batch.Pending);
    }

    [Fact]
    public async Task Cancelling_mid_batch_cancels_in_flight_calls_and_gives_every_input_one_Cancelled_outcome()
    {
        const int bound = 4;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawCancellation = 0;
        FakeProvider provider = null!;
        provider = new FakeProvider(async (input, ct) =>
        {
            if (provider.Calls == bound) started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref sawCancellation);
                throw;
            }

            return FakeProvider.Genuine(input);
        });
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { MaxConcurrency = bound });
        for (var i = 0; i < 50; i++)
        {
            batch.Add(Item(i));
        }

        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        batch.Cancel();
        batch.Add(Item(50));
        var outcomes = DrainAll(batch);

        Assert.Equal(Enumerable.Range(0, 51).Select(i => (long)i), outcomes.Select(o => o.Index).OrderBy(i => i));
        Assert.All(outcomes, o => Assert.Equal(DeepfakeErrorCode.Cancelled, o.Error?.ErrorCode));
        Assert.All(outcomes, o => Assert.Equal(DeepfakeStatus.Failed, o.Result.Status));
        Assert.Equal(bound, provider.Calls);
        Assert.Equal(bound, outcomes.Count(o => o.Error!.Message.Contains("while")));
        await batch.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(bound, Volatile.Read(ref sawCancellation));
    }

    [Fact]
    public async Task A_provider_that_ignores_cancellation_does_not_hold_the_batch()
    {
        var never = new TaskCompletionSource<DeepfakeResult>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new FakeProvider((input, ct) =>
        {
            started.TrySetResult();
            return never.Task;
        });
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { MaxConcurrency = 1 });
        batch.Add(Item(0));
        batch.Add(Item(1));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        batch.Cancel();
        var outcomes = DrainAll(batch);

        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(DeepfakeErrorCode.Cancelled, o.Result.ErrorCode));
        Assert.Equal(1, provider.Calls);
    }

    [Theory]
    [InlineData(DeepfakeErrorCode.Unauthorized, true)]
    [InlineData(DeepfakeErrorCode.QuotaExceeded, true)]
    [InlineData(DeepfakeErrorCode.QuotaExceeded, false)]
    public async Task A_stopping_code_stops_the_batch_itself_before_anyone_reads_it(DeepfakeErrorCode code, bool thrown)
    {
        const int bound = 4;
        const int count = 50;
        var allInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refuse = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<DeepfakeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        FakeProvider provider = null!;
        provider = new FakeProvider(async (input, ct) =>
        {
            if (provider.Calls == bound) allInFlight.TrySetResult();
            if (input.Source != Item(0).Source)
            {
                return await never.Task.WaitAsync(ct);
            }

            await refuse.Task;
            var refused = new DeepfakeException(code, "refused");
            if (thrown) throw refused;
            return DeepfakeResult.FromError(input.Source, "Local", refused);
        });
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { MaxConcurrency = bound });
        for (var i = 0; i < count; i++)
        {
            batch.Add(Item(i));
        }

        batch.Complete();
        await allInFlight.Task.WaitAsync(TimeSpan.FromMinutes(2));
        refuse.SetResult();

        // Nobody reads an outcome until every input has one: the engine stopped on its own.
        await batch.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(batch.IsCancellationRequested);
        Assert.Equal(bound, provider.Calls);
        var outcomes = DrainAll(batch);
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), outcomes.Select(o => o.Index).OrderBy(i => i));
        Assert.Equal(code, outcomes.Single(o => o.Index == 0).Error!.ErrorCode);
        Assert.All(outcomes.Where(o => o.Index != 0), o =>
        {
            Assert.Equal(DeepfakeErrorCode.Cancelled, o.Error!.ErrorCode);
            Assert.Contains("item-0.jpg' was refused (" + code + ")", o.Error.Message);
        });
    }

    [Fact]
    public void The_constructor_token_cancels_the_batch()
    {
        using var cts = new CancellationTokenSource();
        var provider = new FakeProvider((input, ct) => Task.FromResult(FakeProvider.Genuine(input)));
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, null, cts.Token);
        cts.Cancel();
        batch.Add(Item(0));

        var outcome = Assert.Single(DrainAll(batch));

        Assert.Equal(DeepfakeErrorCode.Cancelled, outcome.Result.ErrorCode);
        Assert.Equal(0, provider.Calls);
    }

    [Fact]
    public void TryRead_returns_false_at_once_while_checks_are_running()
    {
        var release = new TaskCompletionSource<DeepfakeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new FakeProvider((input, ct) => release.Task);
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default);
        batch.Add(Item(0));

        Assert.False(batch.TryRead(out _));
        Assert.False(batch.TryRead(out _));

        release.SetResult(FakeProvider.Genuine(Item(0)));
        Assert.True(batch.WaitToRead());
        Assert.True(batch.TryRead(out var outcome));
        Assert.Equal(0, outcome.Index);
    }

    [Fact]
    public void An_input_known_to_fail_gets_its_outcome_without_calling_the_provider()
    {
        var provider = new FakeProvider((input, ct) => Task.FromResult(FakeProvider.Genuine(input)));
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default);
        var missing = new DeepfakeException(DeepfakeErrorCode.FileNotFound, "'gone.jpg' does not exist.");
        batch.Add(ExpandedInput.Failed(DeepfakeInput.FromFile("gone.jpg"), missing));

        var outcome = Assert.Single(DrainAll(batch));

        Assert.Same(missing, outcome.Error);
        Assert.Equal(DeepfakeErrorCode.FileNotFound, outcome.Result.ErrorCode);
        Assert.Equal("Local", outcome.Result.Provider);
        Assert.Equal(0, provider.Calls);
    }

    [Fact]
    public void Elapsed_is_stamped_when_the_provider_leaves_it_unset_and_kept_when_it_sets_it()
    {
        var provider = new FakeProvider(async (input, ct) =>
        {
            await Task.Yield();
            var result = FakeProvider.Genuine(input);
            return input.Source == "item-1.jpg" ? new DeepfakeResult { Source = input.Source, Status = DeepfakeStatus.Genuine, Elapsed = TimeSpan.FromSeconds(7) } : result;
        });
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default);
        batch.Add(Item(0));
        batch.Add(Item(1));

        var outcomes = DrainAll(batch).OrderBy(o => o.Index).ToList();

        Assert.True(outcomes[0].Result.Elapsed > TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(7), outcomes[1].Result.Elapsed);
    }

    [Fact]
    public void Add_after_Complete_throws_and_Complete_is_idempotent()
    {
        var provider = new FakeProvider((input, ct) => Task.FromResult(FakeProvider.Genuine(input)));
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default);
        batch.Complete();
        batch.Complete();

        Assert.Throws<InvalidOperationException>(() => batch.Add(Item(0)));
        Assert.False(batch.WaitToRead());
    }

    [Fact]
    public async Task ReadAllAsync_yields_every_outcome()
    {
        var provider = new FakeProvider(async (input, ct) => { await Task.Yield(); return FakeProvider.Genuine(input); });
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default);
        for (var i = 0; i < 100; i++)
        {
            batch.Add(Item(i));
        }

        batch.Complete();
        var indexes = new List<long>();
        await foreach (var outcome in batch.ReadAllAsync())
        {
            indexes.Add(outcome.Index);
        }

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), indexes.OrderBy(i => i));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    [InlineData(-1)]
    public void MaxConcurrency_is_validated(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { MaxConcurrency = value });
    }

    [Fact]
    public async Task Dispose_cancels_and_refuses_more_input()
    {
        var provider = new FakeProvider((input, ct) => Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => FakeProvider.Genuine(input), TaskScheduler.Default));
        var batch = new DeepfakeBatch(provider, CheckOptions.Default);
        batch.Add(Item(0));
        batch.Dispose();

        Assert.Throws<ObjectDisposedException>(() => batch.Add(Item(1)));
        await batch.Completion.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
