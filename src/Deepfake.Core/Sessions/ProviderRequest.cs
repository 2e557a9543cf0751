using System;
using System.Net;
using Deepfake.Batch;
using Deepfake.Credentials;
using Deepfake.Diagnostics;
using Deepfake.Providers;

namespace Deepfake.Sessions
{
    /// <summary>
    /// What the user of an adapter asked for. Null members are resolved by the documented precedence
    /// (docs/design/credentials.md): explicit, session, environment, user settings, built-in default.
    /// </summary>
    public sealed class ProviderRequest
    {
        private int _maxConcurrency = BatchOptions.DefaultMaxConcurrency;

        public ProviderKind? Provider { get; init; }

        /// <summary>A base URL that overrides every configured endpoint for this request.</summary>
        public Uri? Endpoint { get; init; }

        /// <summary>A one-off credential (PowerShell's <c>-Credential</c>); wins over every stored one.</summary>
        public ProviderCredential? Credential { get; init; }

        /// <summary>How many inputs run at once; also sizes the provider's connection pool.</summary>
        public int MaxConcurrency
        {
            get => _maxConcurrency;
            init
            {
                if (value < 1 || value > BatchOptions.MaxMaxConcurrency)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(MaxConcurrency), value, "The concurrency must be between 1 and " + BatchOptions.MaxMaxConcurrency + ".");
                }

                _maxConcurrency = value;
            }
        }

        /// <summary>
        /// How long one attempt may take (as Invoke-RestMethod's <c>-TimeoutSec</c>); the whole check, retries and
        /// backoff included, gets room for every attempt. Null keeps the provider's defaults.
        /// </summary>
        public TimeSpan? Timeout { get; init; }

        public int? MaxRetries { get; init; }

        public IWebProxy? Proxy { get; init; }

        /// <summary>The most detailed diagnostics anyone will show; Debug messages are dropped at the source otherwise.</summary>
        public DiagnosticLevel DiagnosticDetail { get; init; } = DiagnosticLevel.Debug;
    }
}
