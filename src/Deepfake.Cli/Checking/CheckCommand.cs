using System;
using System.Threading;
using System.Threading.Tasks;
using Deepfake.Batch;
using Deepfake.Cli.Output;
using Deepfake.Diagnostics;
using Deepfake.Providers;
using Deepfake.Sessions;

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
            var sink = new ConsoleBatchSink(writer, tally, progress, _terminal.Error, reportFailuresOnError: format != OutputFormat.Table, verbose: _settings.Verbose);

            ProviderSession session;
            try
            {
                session = ProviderSession.Open(new ProviderRequest
                {
                    Provider = _settings.Provider,
                    Endpoint = _settings.Endpoint,
                    MaxConcurrency = _settings.Throttle ?? BatchOptions.DefaultMaxConcurrency,
                    Timeout = _settings.Timeout,
                    MaxRetries = _settings.Retries,
                    // Without --verbose nothing is shown, so the provider need not even format its Debug lines.
                    DiagnosticDetail = _settings.Verbose ? DiagnosticLevel.Debug : DiagnosticLevel.Verbose,
                });
            }
            catch (DeepfakeException e)
            {
                return Fail.Configuration(_terminal, e);
            }
            catch (ArgumentException e)
            {
                return Fail.Usage(_terminal, e.Message);
            }

            using (session)
            {
                var provider = session.Provider;
                if (session.Kind == ProviderKind.Local && _settings.Endpoint != null)
                {
                    _terminal.Error.WriteLine("deepfake: note: --endpoint is ignored by the local provider, which uses no network.");
                }

                if (_settings.Kind == CheckKind.Quality && !provider.Info.ReturnsQuality)
                {
                    return Fail.Usage(_terminal, "The " + provider.Info.Name + " provider does not measure image quality; use --provider ooto or --provider verihubs.");
                }

                using var batch = session.StartBatch(_settings.Options, interrupt);
                var stop = new BatchStop(sink, provider.Info.Name);
                var expand = new InputExpanderOptions { Recurse = _settings.Recurse, RecurseHint = "--recurse" };
                foreach (var input in InputExpander.Expand(_settings.Inputs, expand))
                {
                    if (interrupt.IsCancellationRequested) break;
                    stop.Added(input.Input.Source);
                    // After a stop the inputs are still added: the cancelled batch reports each as Cancelled without
                    // sending it, so the report lists every input.
                    stop.Run(() => BatchPump.Add(batch, input, stop));
                }

                // No token: after Ctrl+C the batch itself is cancelled and still yields one outcome per input.
                while (!stop.Run(() => BatchPump.Drain(batch, stop, wait: true)))
                {
                }

                progress?.Clear();
                writer.Complete();
                if (stop.Error != null) return Fail.Configuration(_terminal, stop.Error);
                return interrupt.IsCancellationRequested ? ExitCodes.Interrupted : tally.ExitCode();
            }
        }
    }
}
