using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Deepfake.Diagnostics;
using Deepfake.Providers;

namespace Deepfake.Batch
{
    /// <summary>
    /// Checks a stream of inputs against one provider with bounded concurrency and yields exactly one
    /// <see cref="BatchOutcome"/> per input, whatever the provider does (returns, throws anything, hangs past
    /// cancellation). Inputs are added from any thread; outcomes are read by one consumer, usually through
    /// <see cref="BatchPump"/>. Outcomes come in completion order; <see cref="BatchOutcome.Index"/> gives input order.
    /// The first outcome whose code <see cref="DeepfakeErrorCodeExtensions.StopsBatch"/> cancels the batch at once.
    /// </summary>
    /// <remarks>
    /// Memory: an outcome is forgotten once read. <see cref="Add(ExpandedInput)"/> never blocks, so the input queue
    /// is unbounded; adapters that may add faster than the provider answers use <see cref="BatchPump"/>'s Add, which
    /// keeps at most <see cref="BatchOptions.MaxPending"/> inputs between Add and drain.
    /// </remarks>
    public sealed class DeepfakeBatch : IDisposable
    {
        private readonly IDeepfakeProvider _provider;
        private readonly string _providerName;
        private readonly CheckOptions _options;
        private readonly CancellationTokenSource _cancellation;
        private readonly CancellationToken _token;
        private readonly Channel<QueuedInput> _inputs =
            Channel.CreateUnbounded<QueuedInput>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
        private readonly Channel<BatchOutcome> _outcomes =
            Channel.CreateUnbounded<BatchOutcome>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
        private readonly object _addLock = new object();
        private long _submitted;
        private long _completed;
        private long _read;
        private string? _stopReason;
        private volatile bool _inputComplete;
        private volatile bool _disposed;

        public DeepfakeBatch(IDeepfakeProvider provider, CheckOptions options, BatchOptions? batchOptions = null, CancellationToken cancellationToken = default)
        {
            _provider = provider ?? throw new ArgumentNullException(nameof(provider));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _providerName = provider.Info.Name;
            batchOptions ??= new BatchOptions();
            MaxConcurrency = batchOptions.MaxConcurrency;
            MaxPending = Math.Max(batchOptions.MaxPending, batchOptions.MaxConcurrency);
            Diagnostics = batchOptions.Diagnostics;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _token = _cancellation.Token;

            var workers = new Task[MaxConcurrency];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(RunWorkerAsync);
            }

            Completion = Task.WhenAll(workers).ContinueWith(
                all =>
                {
                    // A worker ends by an exception only if even an input's last-resort outcome could not be built
                    // (memory exhausted): the reader then fails loudly rather than silently miss that input.
                    _outcomes.Writer.TryComplete(all.Exception?.GetBaseException());
                    _cancellation.Dispose();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        public int MaxConcurrency { get; }

        /// <summary>See <see cref="BatchOptions.MaxPending"/>; at least <see cref="MaxConcurrency"/>.</summary>
        public int MaxPending { get; }

        public DiagnosticQueue? Diagnostics { get; }

        public BatchProgress Progress
        {
            get
            {
                // Read in this order so that a snapshot never shows more completed than submitted.
                var inputComplete = _inputComplete;
                var completed = Interlocked.Read(ref _completed);
                return new BatchProgress(Interlocked.Read(ref _submitted), completed, inputComplete);
            }
        }

        /// <summary>Inputs added but whose outcome has not been read yet.</summary>
        public long Pending
        {
            get
            {
                var read = Interlocked.Read(ref _read);
                return Interlocked.Read(ref _submitted) - read;
            }
        }

        public bool IsCancellationRequested => _token.IsCancellationRequested;

        /// <summary>Completes when every input has its outcome queued (after <see cref="Complete"/>).</summary>
        public Task Completion { get; }

        public void Add(DeepfakeInput input) => Add(ExpandedInput.Ready(input));

        /// <summary>
        /// Queues an input; thread-safe, never blocks. An input added after <see cref="Cancel"/> still gets its
        /// outcome (Cancelled). Throws <see cref="InvalidOperationException"/> after <see cref="Complete"/>.
        /// </summary>
        public void Add(ExpandedInput input)
        {
            if (input is null) throw new ArgumentNullException(nameof(input));
            lock (_addLock)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(DeepfakeBatch));
                if (_inputComplete) throw new InvalidOperationException("No input can be added to a batch after Complete().");
                // Counted before it is queued, so no snapshot ever shows more completed (or read) than submitted.
                var index = Interlocked.Increment(ref _submitted) - 1;
                _inputs.Writer.TryWrite(new QueuedInput(index, input));
            }
        }

        /// <summary>Says no more inputs will come. Idempotent.</summary>
        public void Complete()
        {
            lock (_addLock)
            {
                _inputComplete = true;
                _inputs.Writer.TryComplete();
            }
        }

        /// <summary>Takes a ready outcome without waiting.</summary>
        public bool TryRead(out BatchOutcome outcome)
        {
            if (_outcomes.Reader.TryRead(out var next))
            {
                Interlocked.Increment(ref _read);
                outcome = next;
                return true;
            }

            outcome = null!;
            return false;
        }

        /// <summary>
        /// Blocks until an outcome is ready (true) or every outcome has been read after <see cref="Complete"/> (false).
        /// Without <see cref="Complete"/> it never returns false.
        /// </summary>
        public bool WaitToRead(CancellationToken cancellationToken = default)
        {
            var wait = _outcomes.Reader.WaitToReadAsync(cancellationToken);
            return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
        }

        public async IAsyncEnumerable<BatchOutcome> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            while (await _outcomes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (TryRead(out var outcome))
                {
                    yield return outcome;
                }
            }
        }

        /// <summary>
        /// Cancels in-flight checks promptly and gives every input not finished a Cancelled outcome. Idempotent.
        /// </summary>
        public void Cancel()
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Every outcome was already produced; nothing is left to cancel.
            }
        }

        /// <summary>Cancels and completes the batch. Outcomes not read are dropped; the workers end on their own.</summary>
        public void Dispose()
        {
            lock (_addLock)
            {
                if (_disposed) return;
                _disposed = true;
            }

            Cancel();
            Complete();
        }

        /// <summary>
        /// Blocks until an outcome or a diagnostic is ready (true) or the batch has finished (false), so the pump
        /// can write diagnostics while it waits for outcomes.
        /// </summary>
        internal bool WaitForActivity(CancellationToken cancellationToken)
        {
            if (Diagnostics is null)
            {
                return WaitToRead(cancellationToken);
            }

            using (var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var outcome = _outcomes.Reader.WaitToReadAsync(stopWaiting.Token).AsTask();
                var diagnostic = Diagnostics.WaitToReadAsync(stopWaiting.Token);
                var first = Task.WhenAny(outcome, diagnostic).GetAwaiter().GetResult();
                stopWaiting.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
                return first != outcome || outcome.GetAwaiter().GetResult();
            }
        }

        private async Task RunWorkerAsync()
        {
            var reader = _inputs.Reader;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var pending))
                {
                    var outcome = await CheckOrReportAsync(pending).ConfigureAwait(false);
                    if (outcome.Error != null && outcome.Error.ErrorCode.StopsBatch())
                    {
                        // Every later call would be refused the same way, and each may be billed: stop before this
                        // worker (or any other) starts another, not when the adapter gets round to reading this.
                        if (!_token.IsCancellationRequested)
                        {
                            Interlocked.CompareExchange(ref _stopReason, ": the batch stopped when '" + outcome.Input.Source + "' was refused (" + outcome.Error.ErrorCode + ").", null);
                        }

                        Cancel();
                    }

                    Interlocked.Increment(ref _completed);
                    _outcomes.Writer.TryWrite(outcome);
                }
            }
        }

        /// <summary>
        /// One outcome per input even when reporting a failure fails too: a provider exception whose Message throws,
        /// or memory running out while the message is built. Escaping, it would end this worker and lose its input.
        /// </summary>
        private async Task<BatchOutcome> CheckOrReportAsync(QueuedInput pending)
        {
            try
            {
                return await CheckAsync(pending).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                var source = pending.Item.Input.Source;
                var error = new DeepfakeException(
                    DeepfakeErrorCode.ProviderError,
                    "'" + source + "' could not be checked, and why could not be reported (" + failure.GetType().Name + "). The other inputs are not affected; please report this.",
                    failure)
                {
                    Provider = _providerName,
                    InputSource = source,
                };
                return FromError(pending, error, TimeSpan.Zero);
            }
        }

        private async Task<BatchOutcome> CheckAsync(QueuedInput pending)
        {
            var input = pending.Item.Input;
            if (pending.Item.Error != null)
            {
                return FromError(pending, pending.Item.Error, TimeSpan.Zero);
            }

            if (_token.IsCancellationRequested)
            {
                return FromError(pending, Cancelled(input, "Cancelled before '" + input.Source + "' was checked" + StopReason()), TimeSpan.Zero);
            }

            var stopwatch = Stopwatch.StartNew();
            try
            {
                var result = await WithCancellation(_provider.CheckAsync(input, _options, _token), _token).ConfigureAwait(false);
                return FromResult(pending, result, stopwatch.Elapsed);
            }
            catch (OperationCanceledException) when (_token.IsCancellationRequested)
            {
                return FromError(pending, Cancelled(input, "Cancelled while '" + input.Source + "' was being checked" + StopReason()), stopwatch.Elapsed);
            }
            catch (DeepfakeException error)
            {
                return FromError(pending, error, stopwatch.Elapsed);
            }
            catch (Exception unexpected)
            {
                // A provider bug must cost one input, never the batch: say what was thrown so it can be reported.
                Diagnostics?.Write(DiagnosticLevel.Debug, _providerName + " threw while checking '" + input.Source + "': " + unexpected);
                var error = new DeepfakeException(
                    DeepfakeErrorCode.ProviderError,
                    "The " + _providerName + " provider failed unexpectedly while checking '" + input.Source + "' ("
                    + unexpected.GetType().Name + ": " + unexpected.Message + "). The other inputs are not affected; please report this.",
                    unexpected)
                {
                    Provider = _providerName,
                    InputSource = input.Source,
                };
                return FromError(pending, error, stopwatch.Elapsed);
            }
        }

        private BatchOutcome FromResult(QueuedInput pending, DeepfakeResult? result, TimeSpan elapsed)
        {
            var input = pending.Item.Input;
            if (result is null)
            {
                return FromError(pending, new DeepfakeException(DeepfakeErrorCode.ProviderError, "The " + _providerName + " provider returned no result for '" + input.Source + "'.")
                {
                    Provider = _providerName,
                    InputSource = input.Source,
                }, elapsed);
            }

            if (result.Elapsed == TimeSpan.Zero)
            {
                result = result.WithElapsed(elapsed);
            }

            DeepfakeException? error = null;
            if (result.Status == DeepfakeStatus.Failed)
            {
                // The contract says providers throw for Failed; one that returns it still gets its Error.
                error = new DeepfakeException(result.ErrorCode ?? DeepfakeErrorCode.ProviderError, result.Message ?? "'" + input.Source + "' could not be checked.")
                {
                    Provider = _providerName,
                    InputSource = input.Source,
                    HttpStatus = result.HttpStatus,
                    ProviderCode = result.ProviderCode,
                    TransactionId = result.TransactionId,
                    Attempts = result.Attempts,
                    Elapsed = result.Elapsed,
                };
            }

            return new BatchOutcome(pending.Index, input, result, error);
        }

        private BatchOutcome FromError(QueuedInput pending, DeepfakeException error, TimeSpan elapsed)
        {
            var result = DeepfakeResult.FromError(pending.Item.Input.Source, _providerName, error);
            if (result.Elapsed == TimeSpan.Zero && elapsed != TimeSpan.Zero)
            {
                result = result.WithElapsed(elapsed);
            }

            return new BatchOutcome(pending.Index, pending.Item.Input, result, result.Status == DeepfakeStatus.Failed ? error : null);
        }

        private string StopReason() => Volatile.Read(ref _stopReason) ?? ".";

        private DeepfakeException Cancelled(DeepfakeInput input, string message) =>
            new DeepfakeException(DeepfakeErrorCode.Cancelled, message) { Provider = _providerName, InputSource = input.Source };

        /// <summary>Stops waiting at cancellation even if the provider ignores its token.</summary>
        private static async Task<T> WithCancellation<T>(Task<T> task, CancellationToken cancellationToken)
        {
#if NET8_0_OR_GREATER
            try
            {
                return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!task.IsCompleted)
            {
                Abandon(task);
                throw;
            }
#else
            if (task.IsCompleted || !cancellationToken.CanBeCanceled)
            {
                return await task.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    Abandon(task);
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            return await task.ConfigureAwait(false);
#endif
        }

        private static void Abandon(Task task) =>
            task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        private readonly struct QueuedInput
        {
            public QueuedInput(long index, ExpandedInput item)
            {
                Index = index;
                Item = item;
            }

            public long Index { get; }

            public ExpandedInput Item { get; }
        }
    }
}
