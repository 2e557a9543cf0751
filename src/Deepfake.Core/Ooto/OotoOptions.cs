using System;
using Deepfake.Http;

namespace Deepfake.Ooto
{
    /// <summary>Settings for <see cref="OotoProvider"/>.</summary>
    public sealed class OotoOptions : HttpProviderOptions
    {
        /// <summary>The documented path, appended to <see cref="HttpProviderOptions.BaseUrl"/>.</summary>
        public const string EndpointPath = "/api/v1.0/deepfake";

        /// <summary>OOTO documents no size limit; 10 MiB covers any phone photo and stops a wrong file early.</summary>
        public const long DefaultMaxImageBytes = 10L * 1024 * 1024;

        public const int DefaultMaxDownloadRedirects = 5;
        public const int MaxDownloadRedirectsLimit = 20;

        public static readonly Uri DefaultBaseUrl = new Uri("https://cloud.ooto-ai.com");

        public static readonly TimeSpan DefaultDownloadTimeout = TimeSpan.FromSeconds(30);

        private TimeSpan _downloadTimeout = DefaultDownloadTimeout;
        private int _maxDownloadRedirects = DefaultMaxDownloadRedirects;

        public OotoOptions()
            : base(DefaultBaseUrl, DefaultMaxImageBytes)
        {
        }

        /// <summary>
        /// How long fetching an image URL may take over all its attempts and the waits between them (OOTO takes no
        /// URLs: the client downloads the image, then uploads it). Transient download failures are retried with
        /// <see cref="HttpProviderOptions.MaxRetries"/> and the same backoff as the upload; no attempt takes longer than
        /// <see cref="HttpProviderOptions.AttemptTimeout"/>. The download's size cap is <see cref="HttpProviderOptions.MaxImageBytes"/>.
        /// </summary>
        public TimeSpan DownloadTimeout
        {
            get => _downloadTimeout;
            set => _downloadTimeout = InRange(value, MinTimeout, MaxTimeout, nameof(DownloadTimeout));
        }

        /// <summary>Redirects followed when fetching an image URL, each hop checked again (http/https only).</summary>
        public int MaxDownloadRedirects
        {
            get => _maxDownloadRedirects;
            set
            {
                if (value < 0 || value > MaxDownloadRedirectsLimit)
                {
                    throw new ArgumentOutOfRangeException(nameof(MaxDownloadRedirects), value, $"MaxDownloadRedirects must be between 0 and {MaxDownloadRedirectsLimit}.");
                }

                _maxDownloadRedirects = value;
            }
        }
    }
}
