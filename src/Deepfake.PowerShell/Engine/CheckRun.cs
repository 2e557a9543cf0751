using System;
using System.Collections.Generic;
using System.Threading;
using Deepfake.Batch;
using Deepfake.Configuration;
using Deepfake.Credentials;
using Deepfake.Diagnostics;
using Deepfake.Providers;
using Deepfake.Sessions;

namespace Deepfake.Commands.Engine
{
    /// <summary>
    /// One check cmdlet's run, beneath the PowerShell layer and free of its types. The core's
    /// <see cref="ProviderSession"/> is opened when the first input is accepted, so -WhatIf and an empty pipeline
    /// need no credential and send nothing; inputs go in and outcomes, progress and diagnostics come out through
    /// <see cref="BatchPump"/> onto the sink, on the caller's thread. Everything it throws is terminating for the
    /// cmdlet: <see cref="DeepfakeException"/> (Unauthorized, QuotaExceeded, a misconfigured credential or endpoint,
    /// a provider that cannot serve the cmdlet) or <see cref="ArgumentException"/>.
    /// </summary>
    internal sealed class CheckRun : IDisposable
    {
        /// <summary>What a directory's error tells PowerShell users to do instead.</summary>
        public const string DirectoryHint = "Get-ChildItem -Recurse -File";

        private readonly ProviderRequest _request;
        private readonly CheckOptions _options;
        private readonly Func<ProviderInfo, string?>? _unsuitable;
        private readonly IBatchSink _sink;
        private readonly DeepfakeSettings _settings;
        private readonly CredentialStore _credentials;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private ProviderSession? _session;
        private DeepfakeBatch? _batch;
        private string? _destination;

        /// <param name="unsuitable">Says why a provider cannot serve the cmdlet (Get-DeepfakeQuality needs quality); null when it can.</param>
        public CheckRun(
            ProviderRequest request,
            CheckOptions options,
            Func<ProviderInfo, string?>? unsuitable,
            IBatchSink sink,
            DeepfakeSettings settings,
            CredentialStore credentials)
        {
            _request = request ?? throw new ArgumentNullException(nameof(request));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _unsuitable = unsuitable;
            _sink = sink ?? throw new ArgumentNullException(nameof(sink));
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        }

        /// <summary>Set once the first input was accepted.</summary>
        public ProviderInfo? Info => _session?.Provider.Info;

        public CancellationToken Stopping => _stop.Token;

        /// <summary>
        /// Where inputs would go ("Ooto at https://…"), for -WhatIf: resolved by the same settings the session reads,
        /// without building anything or needing a credential.
        /// </summary>
        public string Destination()
        {
            if (_destination is null)
            {
                var kind = _settings.ResolveDefaultProvider(_credentials, _request.Provider).Value;
                _destination = kind == ProviderKind.Local ? kind.ToString() : kind + " at " + _settings.ResolveEndpoint(kind, _request.Endpoint).Value;
            }

            return _destination;
        }

        /// <summary>Adds an input, writing whatever is ready; waits (writing meanwhile) while too many are pending.</summary>
        public void Add(ExpandedInput input) => BatchPump.Add(Started(), input, _sink, _stop.Token);

        /// <summary>No more inputs: writes every remaining outcome. Does nothing when no input was accepted.</summary>
        public void Complete()
        {
            if (_batch != null)
            {
                BatchPump.Drain(_batch, _sink, wait: true, _stop.Token);
            }
        }

        /// <summary>Ctrl+C, from any thread: cancels the requests in flight.</summary>
        public void Stop()
        {
            _stop.Cancel();
            _batch?.Cancel();
        }

        public void Dispose()
        {
            _batch?.Dispose();
            _session?.Dispose();
            _stop.Dispose();
        }

        /// <summary>
        /// Paths PowerShell resolved (they exist), taken literally by the core's expander: a file is ready, a
        /// directory fails saying what to pipe instead.
        /// </summary>
        public static ExpandedInput[] ExpandResolved(IEnumerable<string> paths)
        {
            var options = new InputExpanderOptions { RecurseHint = DirectoryHint };
            var inputs = new List<ExpandedInput>();
            foreach (var path in paths)
            {
                inputs.AddRange(InputExpander.Expand(path, options));
            }

            return inputs.ToArray();
        }

        private DeepfakeBatch Started()
        {
            if (_batch != null)
            {
                return _batch;
            }

            _session = ProviderSession.Open(_request, _credentials, _settings);
            var unsuitable = _unsuitable?.Invoke(_session.Provider.Info);
            if (unsuitable != null)
            {
                throw new DeepfakeException(DeepfakeErrorCode.InvalidRequest, unsuitable) { Provider = _session.Kind.ToString() };
            }

            _sink.WriteDiagnostic(DiagnosticLevel.Verbose, "Checking with " + _session.Provider.Info + ", up to " + _request.MaxConcurrency + " at a time.");
            _batch = _session.StartBatch(_options, _stop.Token);
            return _batch;
        }
    }
}
