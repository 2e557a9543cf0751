using System;
using System.Threading;
using Deepfake.Batch;
using Deepfake.Configuration;
using Deepfake.Credentials;
using Deepfake.Diagnostics;
using Deepfake.Http;
using Deepfake.Providers;

namespace Deepfake.Sessions
{
    /// <summary>
    /// The one place that turns what a user asked for into a connected provider and a batch: it resolves the
    /// provider, endpoint and credential by precedence, says why in a diagnostic, and builds the provider with a
    /// connection pool sized to the batch. Both adapters open a session; neither builds providers itself.
    /// </summary>
    public sealed class ProviderSession : IDisposable
    {
        private static readonly TimeSpan BackoffAllowance = TimeSpan.FromMinutes(1);

        private readonly ProviderRequest _request;

        private ProviderSession(
            ProviderRequest request,
            IDeepfakeProvider provider,
            ResolvedSetting<ProviderKind> choice,
            ResolvedSetting<Uri>? endpoint,
            FoundCredential? credential,
            DiagnosticQueue diagnostics)
        {
            _request = request;
            Provider = provider;
            Choice = choice;
            Endpoint = endpoint;
            Credential = credential;
            Diagnostics = diagnostics;
        }

        public IDeepfakeProvider Provider { get; }

        public ProviderKind Kind => Choice.Value;

        /// <summary>Which provider and why (for example "Local: no vendor credential is configured").</summary>
        public ResolvedSetting<ProviderKind> Choice { get; }

        /// <summary>The endpoint and where it came from; null for the offline provider.</summary>
        public ResolvedSetting<Uri>? Endpoint { get; }

        /// <summary>The credential in use and where it came from; null for the offline provider.</summary>
        public FoundCredential? Credential { get; }

        /// <summary>Carries the provider's diagnostics to the adapter's thread; the batch drains it.</summary>
        public DiagnosticQueue Diagnostics { get; }

        /// <summary>
        /// Resolves and connects the provider.
        /// </summary>
        /// <exception cref="DeepfakeException">
        /// <see cref="DeepfakeErrorCode.Unauthorized"/> when a vendor is chosen and no credential is found or the
        /// credential configuration is broken; <see cref="DeepfakeErrorCode.InvalidRequest"/> for a bad endpoint.
        /// </exception>
        public static ProviderSession Open(
            ProviderRequest request,
            CredentialStore? credentials = null,
            DeepfakeSettings? settings = null)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            credentials ??= CredentialStore.Default;
            settings ??= DeepfakeSettings.Default;

            var diagnostics = new DiagnosticQueue(request.DiagnosticDetail);
            var choice = settings.ResolveDefaultProvider(credentials, request.Provider);
            diagnostics.Write(DiagnosticLevel.Verbose, "Provider " + choice.Reason);

            if (choice.Value == ProviderKind.Local)
            {
                return new ProviderSession(request, ProviderFactory.Create(ProviderKind.Local, new ProviderConnection()), choice, null, null, diagnostics);
            }

            var endpoint = settings.ResolveEndpoint(choice.Value, request.Endpoint);
            var credential = credentials.Require(choice.Value, request.Credential);
            diagnostics.Write(DiagnosticLevel.Verbose, "Endpoint " + endpoint.Reason);
            diagnostics.Write(DiagnosticLevel.Verbose, "Credential " + credential);

            var provider = ProviderFactory.Create(choice.Value, new ProviderConnection
            {
                Endpoint = endpoint.Value,
                Credential = credential.Credential,
                AttemptTimeout = request.Timeout,
                TotalTimeout = TotalFor(request),
                MaxRetries = request.MaxRetries,
                MaxConnections = request.MaxConcurrency,
                Proxy = request.Proxy,
                Diagnostics = diagnostics.Handler,
            });
            return new ProviderSession(request, provider, choice, endpoint, credential, diagnostics);
        }

        /// <summary>Starts a batch on this session's provider with the request's concurrency.</summary>
        public DeepfakeBatch StartBatch(CheckOptions options, CancellationToken cancellationToken = default) =>
            new DeepfakeBatch(
                Provider,
                options ?? CheckOptions.Default,
                new BatchOptions { MaxConcurrency = _request.MaxConcurrency, Diagnostics = Diagnostics },
                cancellationToken);

        public void Dispose() => Provider.Dispose();

        // A per-attempt timeout (as Invoke-RestMethod's -TimeoutSec) must leave room for every retry and its backoff,
        // or the first slow attempt would spend the whole budget and the retries the user asked for never happen.
        private static TimeSpan? TotalFor(ProviderRequest request)
        {
            if (request.Timeout is not TimeSpan attempt)
            {
                return null;
            }

            var attempts = (request.MaxRetries ?? HttpProviderOptions.DefaultMaxRetries) + 1;
            var total = TimeSpan.FromTicks(attempt.Ticks * attempts) + BackoffAllowance;
            return total > HttpProviderOptions.DefaultTotalTimeout ? total : HttpProviderOptions.DefaultTotalTimeout;
        }
    }
}
