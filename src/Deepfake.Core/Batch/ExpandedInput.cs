using System;

namespace Deepfake.Batch
{
    /// <summary>
    /// An input ready to check, or one already known to fail (a missing file, a directory without recurse, a
    /// symbolic-link loop). A batch gives a failed one its outcome without calling the provider, so an input the
    /// user named is never dropped.
    /// </summary>
    public sealed class ExpandedInput
    {
        private ExpandedInput(DeepfakeInput input, DeepfakeException? error)
        {
            Input = input;
            Error = error;
        }

        public DeepfakeInput Input { get; }

        /// <summary>Why the input fails without being checked; null when it is ready.</summary>
        public DeepfakeException? Error { get; }

        public static ExpandedInput Ready(DeepfakeInput input) =>
            new ExpandedInput(input ?? throw new ArgumentNullException(nameof(input)), null);

        public static ExpandedInput Failed(DeepfakeInput input, DeepfakeException error) =>
            new ExpandedInput(input ?? throw new ArgumentNullException(nameof(input)), error ?? throw new ArgumentNullException(nameof(error)));

        public static implicit operator ExpandedInput(DeepfakeInput input) => Ready(input);

        public override string ToString() => Error is null ? Input.Source : Input.Source + " (" + Error.ErrorCode + ")";
    }
}
