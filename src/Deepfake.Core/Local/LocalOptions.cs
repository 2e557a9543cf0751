using System;

namespace Deepfake.Local
{
    /// <summary>
    /// Limits the offline provider applies to what a file claims about itself, so that a hostile or broken file
    /// costs a bounded amount of memory and time. Anything over a limit is skipped and named in the result's message.
    /// </summary>
    public sealed class LocalOptions
    {
        public const int DefaultMaxMetadataBytes = 8 * 1024 * 1024;
        public const int DefaultMaxManifestStoreBytes = 32 * 1024 * 1024;
        public const int DefaultMaxInflatedTextBytes = 4 * 1024 * 1024;
        public const int DefaultMaxCborDepth = 64;
        public const int DefaultMaxCborItems = 200_000;
        public const int DefaultMaxBoxDepth = 32;

        /// <summary>The options every default <see cref="LocalProvider"/> uses.</summary>
        public static readonly LocalOptions Default = new LocalOptions();

        private readonly int _maxMetadataBytes = DefaultMaxMetadataBytes;
        private readonly int _maxManifestStoreBytes = DefaultMaxManifestStoreBytes;
        private readonly int _maxInflatedTextBytes = DefaultMaxInflatedTextBytes;
        private readonly int _maxCborDepth = DefaultMaxCborDepth;
        private readonly int _maxCborItems = DefaultMaxCborItems;
        private readonly int _maxBoxDepth = DefaultMaxBoxDepth;

        /// <summary>
        /// The largest single metadata segment, chunk or box read into memory (PNG text, XMP, EXIF, WebP chunks).
        /// Range 1 KiB to 256 MiB.
        /// </summary>
        public int MaxMetadataBytes
        {
            get => _maxMetadataBytes;
            init => _maxMetadataBytes = InRange(value, 1024, 256 * 1024 * 1024, nameof(MaxMetadataBytes));
        }

        /// <summary>The largest C2PA manifest store, after reassembling JPEG APP11 segments. Range 1 KiB to 1 GiB.</summary>
        public int MaxManifestStoreBytes
        {
            get => _maxManifestStoreBytes;
            init => _maxManifestStoreBytes = InRange(value, 1024, 1024 * 1024 * 1024, nameof(MaxManifestStoreBytes));
        }

        /// <summary>The most a compressed PNG text chunk (zTXt, compressed iTXt) may inflate to. Range 1 KiB to 256 MiB.</summary>
        public int MaxInflatedTextBytes
        {
            get => _maxInflatedTextBytes;
            init => _maxInflatedTextBytes = InRange(value, 1024, 256 * 1024 * 1024, nameof(MaxInflatedTextBytes));
        }

        /// <summary>How deeply CBOR arrays, maps and tags may nest. Range 4 to 512.</summary>
        public int MaxCborDepth
        {
            get => _maxCborDepth;
            init => _maxCborDepth = InRange(value, 4, 512, nameof(MaxCborDepth));
        }

        /// <summary>How many CBOR data items one assertion or claim may hold. Range 16 to 10 000 000.</summary>
        public int MaxCborItems
        {
            get => _maxCborItems;
            init => _maxCborItems = InRange(value, 16, 10_000_000, nameof(MaxCborItems));
        }

        /// <summary>How deeply JUMBF superboxes may nest. Range 4 to 256.</summary>
        public int MaxBoxDepth
        {
            get => _maxBoxDepth;
            init => _maxBoxDepth = InRange(value, 4, 256, nameof(MaxBoxDepth));
        }

        private static int InRange(int value, int min, int max, string name)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(name, value, name + " must be between " + min + " and " + max + ".");
            }

            return value;
        }
    }
}
