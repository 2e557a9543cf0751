using System;

namespace Deepfake.Batch
{
    /// <summary>A snapshot of how far a batch has got.</summary>
    public readonly struct BatchProgress : IEquatable<BatchProgress>
    {
        public BatchProgress(long submitted, long completed, bool inputComplete)
        {
            Submitted = submitted;
            Completed = completed;
            InputComplete = inputComplete;
        }

        /// <summary>Inputs added so far.</summary>
        public long Submitted { get; }

        /// <summary>Inputs that have their outcome.</summary>
        public long Completed { get; }

        /// <summary>Whether the adapter has said no more inputs will come, so <see cref="Total"/> is known.</summary>
        public bool InputComplete { get; }

        public long? Total => InputComplete ? Submitted : (long?)null;

        /// <summary>0 to 100 once the total is known; null while inputs are still arriving.</summary>
        public double? PercentComplete =>
            !InputComplete ? (double?)null : Submitted == 0 ? 100.0 : Completed * 100.0 / Submitted;

        public bool Equals(BatchProgress other) =>
            Submitted == other.Submitted && Completed == other.Completed && InputComplete == other.InputComplete;

        public override bool Equals(object? obj) => obj is BatchProgress other && Equals(other);

        public override int GetHashCode() => (Submitted, Completed, InputComplete).GetHashCode();

        public override string ToString() =>
            InputComplete ? Completed + " of " + Submitted : Completed + " of " + Submitted + " so far";
    }
}
