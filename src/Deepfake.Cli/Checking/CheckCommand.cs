using System;
using System.Threading;
using System.Threading.Tasks;
using Deepfake.Batch;
using Deepfake.Cli.Output;
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

            using (provider)
            {
                if (_settings.Kind == CheckKind.Quality && !provider.Info.ReturnsQuality)
                {
                    return Fail.Usage(_terminal, "The " + provider.Info.Name + " provider does not measure image quality; use --provider ooto or --provider verihubs.");
                }

                var batchOptions = new BatchOptions { Diagnostics = diagnostics };
                if (_settings.Throttle is { } throttle) batchOptions.MaxConcurrency = throttle;
                using var batch = new DeepfakeBatch(provider, _settings.Options, batchOptions, interrupt);
                try
                {
                    var expand = new InputExpanderOptions { Recurse = _settings.Recurse, RecurseHint = "--recurse" };
                    foreach (var input in InputExpander.Expand(_settings.Inputs, expand))
                    {
                        if (interrupt.IsCancellationRequested) break;
                        BatchPump.Add(batch, input, sink);
                    }

                    // No token: after Ctrl+C the batch itself is cancelled and still yields one outcome per input.
                    BatchPump.Drain(batch, sink, wait: true);
                }
                catch (DeepfakeException e) when (e.ErrorCode.StopsBatch())
                {
                    progress?.Clear();
                    writer.Complete();
                    return Fail.Configuration(_terminal, e);
                }

                progress?.Clear();
                writer.Complete();
                return interrupt.IsCancellationRequested ? ExitCodes.Interrupted : tally.ExitCode();
            }
        }

        private IDeepfakeProvider CreateProvider(DiagnosticQueue? diagnostics)
        {
            throw new NotImplementedException();
        }
    }
}
