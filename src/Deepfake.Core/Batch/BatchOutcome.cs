using System;

namespace Deepfake.Batch
{
    /// <summary>What became of one input of a batch. A batch yields exactly one per input.</summary>
    public sealed class BatchOutcome
    {
        public BatchOutcome(long index, DeepfakeInput input, DeepfakeResult result, DeepfakeException? error)
        {
            if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, "The index must not be negative.");
            Input = input ?? throw new ArgumentNullException(nameof(input));
            Result = result ?? throw new ArgumentNullException(nameof(result));
            if ((result.Status == DeepfakeStatus.Failed) != (error != null))
            {
                throw new ArgumentException("An outcome carries an error exactly when its result failed.", nameof(error));
            }

            Index = index;
            Error = error;
        }

        /// <summary>The input's position in the order it was added, from 0.</summary>
        public long Index { get; }

        public DeepfakeInput Input { get; }

        public DeepfakeResult Result { get; }

        /// <summary>Why the input could not be checked; set exactly when <see cref="Result"/> has status Failed.</summary>
        public DeepfakeException? Error { get; }

        public override string ToString() => "#" + Index + " " + Result;
    }
}
