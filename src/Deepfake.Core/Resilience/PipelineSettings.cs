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

        public string Provider { get; }

        public TimeSpan AttemptTimeout { get; }

        public TimeSpan TotalTimeout { get; }

        public int MaxRetries { get; }

        public TimeSpan RetryBaseDelay { get; }

        public TimeSpan RetryMaxDelay { get; }
    }
}
