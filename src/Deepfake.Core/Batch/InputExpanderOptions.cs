using System;
using System.Collections.Generic;

namespace Deepfake.Batch
{
    /// <summary>How <see cref="InputExpander"/> reads directories.</summary>
    public sealed class InputExpanderOptions
    {
        /// <summary>The extensions taken from a directory when none are given.</summary>
        public static readonly IReadOnlyList<string> DefaultExtensions = new[] { ".jpg", ".jpeg", ".png", ".webp" };

        private IReadOnlyList<string> _extensions = DefaultExtensions;

        /// <summary>
        /// Expand a directory to the images in it and in its subdirectories. Without it a directory fails as
        /// <see cref="DeepfakeErrorCode.InvalidInput"/> saying so.
        /// </summary>
        public bool Recurse { get; set; }

        /// <summary>
        /// Which files a directory contributes, by extension (with the dot, any case). Files named explicitly or
        /// matched by a wildcard pattern are taken whatever their extension.
        /// </summary>
        public IReadOnlyList<string> Extensions
        {
            get => _extensions;
            set
            {
                if (value is null || value.Count == 0) throw new ArgumentException("At least one extension is needed.", nameof(Extensions));
                _extensions = value;
            }
        }

        /// <summary>The flag adapters name in the message for a directory given without recurse.</summary>
        public string RecurseHint { get; set; } = "--recurse";
    }
}
