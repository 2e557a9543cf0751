using System;
using Deepfake.Preflight;

namespace Deepfake.Http
{
    /// <summary>What one download attempt concluded: the image, or an error and whether trying again could help.</summary>
    internal sealed class DownloadOutcome : IAttemptOutcome
    {
        private DownloadOutcome(PreparedImage? image, DeepfakeException? error, bool isTransient, TimeSpan? retryAfter)
        {
            Image = image;
            Error = error;
            IsTransient = isTransient;
            RetryAfter = retryAfter;
        }

        public PreparedImage? Image { get; }

        public DeepfakeException? Error { get; }

        public bool IsTransient { get; }

        public TimeSpan? RetryAfter { get; }

        public static DownloadOutcome Success(PreparedImage image) => new DownloadOutcome(image, null, false, null);

        /// <summary>A refusal trying again cannot change: a 404, a redirect loop, not an image, too large.</summary>
        public static DownloadOutcome Refusal(DeepfakeException error) => new DownloadOutcome(null, error, false, null);

        public static DownloadOutcome Transient(DeepfakeException error, TimeSpan? retryAfter = null) => new DownloadOutcome(null, error, true, retryAfter);
    }
}
