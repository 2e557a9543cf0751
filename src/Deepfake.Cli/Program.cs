using System;
using System.CommandLine;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Deepfake.Cli
{
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            var terminal = Terminal.FromProcess();
            try
            {
                var parse = CommandLine.Build(terminal).Parse(args);
                if (parse.Errors.Count > 0)
                {
                    foreach (var error in parse.Errors)
                    {
                        terminal.Error.WriteLine("deepfake: " + error.Message);
                    }

                    terminal.Error.WriteLine("Run 'deepfake --help' (or 'deepfake <command> --help') for usage.");
                    return ExitCodes.Usage;
                }

                // The first Ctrl+C (or SIGTERM from cron, CI, systemd) cancels in-flight requests and lets the
                // command write what finished; a second Ctrl+C is not intercepted and ends the process at once.
                using var interrupt = new CancellationTokenSource();
                using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Interrupt(context, interrupt));
                using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Interrupt(context, interrupt));
                var configuration = new InvocationConfiguration
                {
                    Output = terminal.Out,
                    Error = terminal.Error,
                    ProcessTerminationTimeout = null,
                    EnableDefaultExceptionHandler = false,
                };
                return await parse.InvokeAsync(configuration, interrupt.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (BrokenPipe.Is(e))
            {
                // Like 'yes | head': whoever read stdout has all they wanted. Leaving the command cancelled the batch
                // (its in-flight requests with it); say nothing, write nothing more.
                return ExitCodes.PipeClosed;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug, not a verdict: say so in one line (no stack trace, which could quote a request) and make
                // sure a script does not read the run as a pass.
                terminal.Error.WriteLine("deepfake: internal error: " + e.GetType().Name + ": " + Output.ConsoleText.Clean(e.Message));
                return ExitCodes.NotChecked;
            }
            finally
            {
                try
                {
                    terminal.Out.Flush();
                }
                catch (IOException e) when (BrokenPipe.Is(e))
                {
                    // The reader is gone; what is left has nowhere to go. The exit code already says so.
                }
            }
        }

        private static void Interrupt(PosixSignalContext context, CancellationTokenSource interrupt)
        {
            if (interrupt.IsCancellationRequested)
            {
                return;
            }

            context.Cancel = true;
            interrupt.Cancel();
        }
    }
}
