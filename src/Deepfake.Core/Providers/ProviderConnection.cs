using System;
using System.Net;
using Deepfake.Credentials;
using Deepfake.Diagnostics;

namespace Deepfake.Providers
{
    /// <summary>
    /// How an adapter wants a vendor provider connected, after it resolved endpoint and credential by precedence.
    /// Null members keep the provider's defaults (see <see cref="Http.HttpProviderOptions"/>).
    /// </summary>
    public sealed class ProviderConnection
    {
        /// <summary>The API's base address; null for the vendor's production host.</summary>
        public Uri? Endpoint { get; init; }

        public ProviderCredential? Credential { get; init; }

        public TimeSpan? AttemptTimeout { get; init; }

        public TimeSpan? TotalTimeout { get; init; }

        public TimeSpan? ConnectTimeout { get; init; }

        public int? MaxRetries { get; init; }

        /// <summary>Set to the batch's concurrency.</summary>
        public int? MaxConnections { get; init; }

        public IWebProxy? Proxy { get; init; }

        public DiagnosticHandler? Diagnostics { get; init; }

        public TimeProvider? TimeProvider { get; init; }
    }
}
