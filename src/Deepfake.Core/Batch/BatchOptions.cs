using System;

namespace Deepfake.Batch
{
    /// <summary>How a <see cref="DeepfakeBatch"/> runs. Read once when the batch is created.</summary>
    public sealed class BatchOptions
    {
        public const int DefaultMaxConcurrency = 4;
        public const int MaxMaxConcurrency = 256;
        public const int DefaultMaxPending = 1024;

        private int _maxConcurrency = DefaultMaxConcurrency;
        private int _maxPending = DefaultMaxPending;

        /// <summary>How many inputs are checked at the same time, 1 to <see cref="MaxMaxConcurrency"/>.</summary>
        public int MaxConcurrency
        {
            get => _maxConcurrency;
            set
            {
                if (value < 1 || value > MaxMaxConcurrency)
                {
                    throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), value, "MaxConcurrency must be between 1 and " + MaxMaxConcurrency + ".");
                }

                _maxConcurrency = value;
            }
        }

        /// <summary>
        /// How many inputs may be added but not yet drained (queued, in flight, or finished and waiting to be
        /// written) before <see cref="BatchPump.Add(DeepfakeBatch, ExpandedInput, IBatchSink, System.Threading.CancellationToken)"/>
        /// waits, writing outcomes meanwhile. This bounds the memory a batch of any length holds. Never less than
        /// <see cref="MaxConcurrency"/>, so the workers are never starved.
        /// </summary>
        public int MaxPending
        {
            get => _maxPending;
            set
            {
                if (value < 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(MaxPending), value, "MaxPending must be at least 1.");
                }

                _maxPending = value;
            }
        }

        /// <summary>
        /// Where the batch queues its own diagnostics; pass the same queue's <see cref="DiagnosticQueue.Handler"/>
        /// to the provider so that <see cref="BatchPump"/> writes both on the caller's thread. Null: none are kept.
        /// </summary>
        public DiagnosticQueue? Diagnostics { get; set; }
    }
}
