using System;

namespace Deepfake.Http
{
    /// <summary>The resilience values copied out of a provider's options when the provider is built.</summary>
    internal sealed class PipelineSettings
    {
        public PipelineSettings(HttpProviderOptions options, string provider)
        {
            Provider = provider;
            AttemptTimeout = options.AttemptTimeout;
            TotalTimeout = options.TotalTimeout;
            MaxRetries = options.MaxRetries;
            RetryBaseDelay = options.RetryBaseDelay;
            RetryMaxDelay = options.RetryMaxDelay;
        }

        private PipelineSettings(PipelineSettings retries, TimeSpan attemptTimeout, TimeSpan totalTimeout)
        {
            Provider = retries.Provider;
            MaxRetries = retries.MaxRetries;
            RetryBaseDelay = retries.RetryBaseDelay;
            RetryMaxDelay = retries.RetryMaxDelay;
            AttemptTimeout = attemptTimeout;
            TotalTimeout = totalTimeout;
        }

        public string Provider { get; }

        public TimeSpan AttemptTimeout { get; }

        public TimeSpan TotalTimeout { get; }

        public int MaxRetries { get; }

        public TimeSpan RetryBaseDelay { get; }

        public TimeSpan RetryMaxDelay { get; }

        /// <summary>
        /// The settings for fetching an image URL: the same retries and backoff as the vendor call, but the download's
        /// own timeout over all its attempts, and no attempt longer than that.
        /// </summary>
        public PipelineSettings ForDownload(TimeSpan downloadTimeout) =>
            new PipelineSettings(this, AttemptTimeout < downloadTimeout ? AttemptTimeout : downloadTimeout, downloadTimeout);
    }
}
