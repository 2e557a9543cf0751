using System;

namespace Deepfake.Http
{
    /// <summary>How far the client goes to fetch an image URL for a provider that takes no URLs.</summary>
    internal sealed class DownloadLimits
    {
        public DownloadLimits(long maxBytes, TimeSpan timeout, int maxRedirects)
        {
            MaxBytes = maxBytes;
            Timeout = timeout;
            MaxRedirects = maxRedirects;
        }

        public long MaxBytes { get; }

        public TimeSpan Timeout { get; }

        public int MaxRedirects { get; }
    }
}
