using System;
using System.Threading;
using System.Threading.Tasks;
using Deepfake.Batch;
using Deepfake.Cli.Output;
using Deepfake.Configuration;
using Deepfake.Credentials;
using Deepfake.Diagnostics;
using Deepfake.Http;
using Deepfake.Local;
using Deepfake.Providers;

namespace Deepfake.Cli.Checking
{
    /// <summary>
    /// Runs <c>check</c> and <c>quality</c>: expands the inputs, feeds the core's batch engine and writes every
    /// outcome through <see cref="ConsoleBatchSink"/>. All checking logic is the core's; this class only wires it.
    /// </summary>
    internal sealed class CheckCommand
    {
        private readonly CheckSettings _settings;
        private readonly Terminal _terminal;

        public CheckCommand(CheckSettings settings, Terminal terminal)
        {
            _settings = settings;
            _terminal = terminal;
        }

        // The batch pump blocks its caller while it waits for outcomes; keep that off the invoking thread.
        public Task<int> RunAsync(CancellationToken interrupt) => Task.Run(() => Run(interrupt), CancellationToken.None);

        private int Run(CancellationToken interrupt)
        {
            var format = _settings.Format ?? ResultWriters.DefaultFor(_terminal.OutIsTerminal);
            var writer = ResultWriters.Create(format, _terminal.Out, _settings.Kind);
            var tally = new OutcomeTally(_settings.Kind);
            var progress = _terminal.ErrorIsTerminal ? new ProgressLine(_terminal.Error) : null;
            var diagnostics = _settings.Verbose ? new DiagnosticQueue() : null;
            var sink = new ConsoleBatchSink(writer, tally, progress, _terminal.Error, reportFailuresOnError: format != OutputFormat.Table);

            IDeepfakeProvider provider;
            try
            {
                provider = CreateProvider(diagnostics);
            }
            catch (DeepfakeException e)
            {
                return Fail.Configuration(_terminal, e);
            }
            catch (ArgumentException e)
            {
                return Fail.Usage(_terminal, e.Message);
            }

            using (provider)
            {
                if (_settings.Kind == CheckKind.Quality && !provider.Info.ReturnsQuality)
                {
                    return Fail.Usage(_terminal, "The " + provider.Info.Name + " provider does not measure image quality; use --provider ooto or --provider verihubs.");
                }

                var batchOptions = new BatchOptions { Diagnostics = diagnostics };
                if (_settings.Throttle is { } throttle) batchOptions.MaxConcurrency = throttle;
                using var batch = new DeepfakeBatch(provider, _settings.Options, batchOptions, interrupt);
                var stop = new BatchStop(sink, provider.Info.Name);
                var expand = new InputExpanderOptions { Recurse = _settings.Recurse, RecurseHint = "--recurse" };
                foreach (var input in InputExpander.Expand(_settings.Inputs, expand))
                {
                    if (interrupt.IsCancellationRequested) break;
                    stop.Added(input.Input.Source);
                    // After a stop the inputs are still added: the cancelled batch reports each as Cancelled without
                    // sending it, so the report lists every input.
                    stop.Run(() => BatchPump.Add(batch, input, sink));
                }

                // No token: after Ctrl+C the batch itself is cancelled and still yields one outcome per input.
                while (!stop.Run(() => BatchPump.Drain(batch, sink, wait: true)))
                {
                }

                progress?.Clear();
                writer.Complete();
                if (stop.Error != null) return Fail.Configuration(_terminal, stop.Error);
                return interrupt.IsCancellationRequested ? ExitCodes.Interrupted : tally.ExitCode();
            }
        }

        // The one place a provider is built: swapped for the core's composition type when it lands, so the two
        // adapters resolve provider, endpoint and credential in exactly the same way.
        private IDeepfakeProvider CreateProvider(DiagnosticQueue? diagnostics)
        {
            var credentials = CredentialStore.Default;
            var settings = DeepfakeSettings.Default;
            var kind = settings.ResolveDefaultProvider(credentials, _settings.Provider);
            diagnostics?.Write(DiagnosticLevel.Verbose, "Provider " + kind.Reason);
            if (kind.Value == ProviderKind.Local)
            {
                if (_settings.Endpoint != null)
                {
                    _terminal.Error.WriteLine("deepfake: note: --endpoint is ignored by the local provider, which uses no network.");
                }

                return new LocalProvider();
            }

            var endpoint = settings.ResolveEndpoint(kind.Value, _settings.Endpoint);
            diagnostics?.Write(DiagnosticLevel.Verbose, "Endpoint " + endpoint.Reason);
            var credential = credentials.Require(kind.Value);
            diagnostics?.Write(DiagnosticLevel.Verbose, "Credential " + credential);
            var retries = _settings.Retries ?? HttpProviderOptions.DefaultMaxRetries;
            return ProviderFactory.Create(kind.Value, new ProviderConnection
            {
                Endpoint = endpoint.Value,
                Credential = credential.Credential,
                AttemptTimeout = _settings.Timeout,
                // Room for every attempt the user allowed, never less than the provider's own budget.
                TotalTimeout = _settings.Timeout is { } attempt && attempt.Ticks * (retries + 1) > HttpProviderOptions.DefaultTotalTimeout.Ticks
                    ? TimeSpan.FromTicks(attempt.Ticks * (retries + 1))
                    : null,
                MaxRetries = _settings.Retries,
                MaxConnections = _settings.Throttle ?? BatchOptions.DefaultMaxConcurrency,
                Diagnostics = diagnostics?.Handler,
            });
        }
    }
}
