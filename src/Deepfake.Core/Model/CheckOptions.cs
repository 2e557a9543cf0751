using System;

namespace Deepfake
{
    /// <summary>What to ask of the provider for each image. Immutable; share one instance across a batch.</summary>
    public sealed class CheckOptions
    {
        /// <summary>The options that ask for nothing beyond the verdict.</summary>
        public static readonly CheckOptions Default = new CheckOptions();

        private readonly double? _threshold;

        /// <summary>
        /// A score threshold in [0, 1] that replaces the provider's own decision where the provider returns a score
        /// (OOTO): score at or above it is genuine. Null keeps the provider's decision.
        /// </summary>
        public double? Threshold
        {
            get => _threshold;
            init
            {
                if (value.HasValue && (double.IsNaN(value.Value) || value.Value < 0 || value.Value > 1))
                {
                    throw new ArgumentOutOfRangeException(nameof(Threshold), value, "The threshold must be between 0 and 1.");
                }

                _threshold = value;
            }
        }

        /// <summary>Ask for image quality (Verihubs <c>is_quality</c>; OOTO always returns it).</summary>
        public bool IncludeQuality { get; init; }

        /// <summary>Ask for face attributes (Verihubs <c>is_attribute</c>).</summary>
        public bool IncludeAttributes { get; init; }

        /// <summary>Have the provider reject images that fail the quality check (requires <see cref="IncludeQuality"/>).</summary>
        public bool ValidateQuality { get; init; }

        /// <summary>Have the provider reject images that fail the attribute check (requires <see cref="IncludeAttributes"/>).</summary>
        public bool ValidateAttributes { get; init; }
    }
}
