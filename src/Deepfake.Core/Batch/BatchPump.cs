using System;
using System.Threading;

namespace Deepfake.Batch
{
    /// <summary>
    /// Moves a batch's outcomes, progress and diagnostics onto an <see cref="IBatchSink"/> on the caller's thread:
    /// the one place where a PowerShell cmdlet (ProcessRecord, EndProcessing) and the CLI write a batch.
    /// Call it from one thread at a time.
    /// </summary>
    public static class BatchPump
    {
        /// <summary>
        /// Writes every ready outcome and queued diagnostic and returns. With <paramref name="wait"/> it first
        /// completes the batch (no more inputs) and blocks until every outcome is written.
        /// An outcome whose code stops a batch (Unauthorized, QuotaExceeded) is thrown, not written, for the adapter
        /// to terminate on; nothing further is written. (The batch stopped itself when it produced that outcome.)
        /// </summary>
        /// <exception cref="DeepfakeException">An outcome stopped the batch.</exception>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> ended the wait.</exception>
        public static void Drain(DeepfakeBatch batch, IBatchSink sink, bool wait, CancellationToken cancellationToken = default)
        {
            if (batch is null) throw new ArgumentNullException(nameof(batch));
            if (sink is null) throw new ArgumentNullException(nameof(sink));
            if (wait)
            {
                batch.Complete();
            }

            WriteReady(batch, sink);
            while (wait && batch.WaitForActivity(cancellationToken))
            {
                WriteReady(batch, sink);
            }

            WriteDiagnostics(batch, sink);
        }

        /// <inheritdoc cref="Add(DeepfakeBatch, ExpandedInput, IBatchSink, CancellationToken)"/>
        public static void Add(DeepfakeBatch batch, DeepfakeInput input, IBatchSink sink, CancellationToken cancellationToken = default) =>
            Add(batch, ExpandedInput.Ready(input), sink, cancellationToken);

        /// <summary>
        /// Adds an input, writes whatever is ready, and, while <see cref="DeepfakeBatch.MaxPending"/> inputs are
        /// pending, waits for outcomes and writes them: backpressure that keeps a batch of any length in bounded
        /// memory without ever leaving the caller's thread idle while results are ready.
        /// </summary>
        public static void Add(DeepfakeBatch batch, ExpandedInput input, IBatchSink sink, CancellationToken cancellationToken = default)
        {
            if (batch is null) throw new ArgumentNullException(nameof(batch));
            if (sink is null) throw new ArgumentNullException(nameof(sink));
            batch.Add(input);
            WriteReady(batch, sink);
            while (batch.Pending >= batch.MaxPending && batch.WaitForActivity(cancellationToken))
            {
                WriteReady(batch, sink);
            }
        }

        private static void WriteReady(DeepfakeBatch batch, IBatchSink sink)
        {
            var wrote = false;
            WriteDiagnostics(batch, sink);
            while (batch.TryRead(out var outcome))
            {
                if (outcome.Error != null && outcome.Error.ErrorCode.StopsBatch())
                {
                    batch.Cancel();
                    throw outcome.Error;
                }

                if (outcome.Result.Status == DeepfakeStatus.Failed)
                {
                    sink.WriteFailure(outcome);
                }
                else
                {
                    sink.WriteResult(outcome);
                }

                wrote = true;
                WriteDiagnostics(batch, sink);
            }

            if (wrote)
            {
                sink.WriteProgress(batch.Progress);
            }
        }

        private static void WriteDiagnostics(DeepfakeBatch batch, IBatchSink sink)
        {
            var queue = batch.Diagnostics;
            if (queue is null)
            {
                return;
            }

            while (queue.TryRead(out var level, out var message))
            {
                sink.WriteDiagnostic(level, message);
            }
        }
    }
}
