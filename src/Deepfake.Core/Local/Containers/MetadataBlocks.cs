using System.Collections.Generic;

namespace Deepfake.Local.Containers
{
    /// <summary>
    /// The metadata a container scanner lifted out of a file, each piece with where it was found, plus notes on what
    /// was skipped. Every list is bounded by a byte budget so a file with thousands of segments cannot exhaust memory.
    /// </summary>
    internal sealed class MetadataBlocks
    {
        private long _xmpBytes;
        private long _exifBytes;
        private long _textBytes;

        public MetadataBlocks(ImageFormat format)
        {
            Format = format;
        }

        public ImageFormat Format { get; }

        /// <summary>XMP packets (the XML bytes).</summary>
        public List<MetadataBlock> Xmp { get; } = new List<MetadataBlock>();

        /// <summary>EXIF blocks as TIFF structures (starting with the byte-order mark).</summary>
        public List<MetadataBlock> Exif { get; } = new List<MetadataBlock>();

        /// <summary>Complete C2PA manifest stores (JUMBF superboxes).</summary>
        public List<MetadataBlock> ManifestStores { get; } = new List<MetadataBlock>();

        /// <summary>Problems joining JPEG APP11 packets into a manifest store (missing packets, short packets).</summary>
        public List<string> ManifestProblems { get; } = new List<string>();

        /// <summary>PNG text chunks, decoded.</summary>
        public List<TextChunk> Text { get; } = new List<TextChunk>();

        /// <summary>Where a JPEG's entropy-coded data starts (after the SOS header).</summary>
        public long ImageDataOffset { get; set; }

        /// <summary>A JPEG whose EOI is neither at the end nor in its last 64 KiB: truncated unless its XMP declares a trailer.</summary>
        public bool MissingEndOfImage { get; set; }

        /// <summary>What was skipped and why, for the result's message.</summary>
        public List<string> Skipped { get; } = new List<string>();

        public bool TryReserveXmp(long bytes, long budget) => TryReserve(ref _xmpBytes, bytes, budget);

        public bool TryReserveExif(long bytes, long budget) => TryReserve(ref _exifBytes, bytes, budget);

        public bool TryReserveText(long bytes, long budget) => TryReserve(ref _textBytes, bytes, budget);

        private static bool TryReserve(ref long used, long bytes, long budget)
        {
            if (used + bytes > budget)
            {
                return false;
            }

            used += bytes;
            return true;
        }
    }
}
