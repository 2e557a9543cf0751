using System.IO;
using Deepfake.Batch;
using Deepfake.Cli.Output;
using Deepfake.Diagnostics;

namespace Deepfake.Cli.Checking
{
    /// <summary>
    /// Where <see cref="BatchPump"/> writes a CLI run: every outcome (verdicts, rejections and failures alike) to
    /// the result writer, so the report holds each input exactly once; progress and diagnostics to stderr.
    /// </summary>
    internal sealed class ConsoleBatchSink : IBatchSink
    {
        private readonly IResultWriter _writer;
        private readonly OutcomeTally _tally;
        private readonly ProgressLine? _progress;
        private readonly TextWriter _error;
        private readonly bool _reportFailuresOnError;
        private readonly bool _verbose;

        /// <param name="reportFailuresOnError">
        /// Also name each failed input on stderr: cron mail and CI logs then say what went wrong even when
        /// stdout went to a file. Off for the table, which already shows failures to the person reading it.
        /// </param>
        /// <param name="verbose">Whether the core's diagnostics are shown (--verbose); otherwise they are dropped.</param>
        public ConsoleBatchSink(IResultWriter writer, OutcomeTally tally, ProgressLine? progress, TextWriter error, bool reportFailuresOnError, bool verbose)
        {
            _verbose = verbose;
            _writer = writer;
            _tally = tally;
            _progress = progress;
            _error = error;
            _reportFailuresOnError = reportFailuresOnError;
        }

        public void WriteResult(BatchOutcome outcome)
        {
            _tally.Add(outcome.Result);
            _writer.Write(outcome.Result, outcome.Index);
        }

        public void WriteFailure(BatchOutcome outcome)
        {
            _tally.Add(outcome.Result);
            _writer.Write(outcome.Result, outcome.Index);
            // Cancelled items are the consequence of a stop or an interrupt already explained once.
            if (_reportFailuresOnError && outcome.Result.ErrorCode != DeepfakeErrorCode.Cancelled && !(outcome.Result.ErrorCode?.StopsBatch() ?? false))
            {
                _progress?.Clear();
                _error.WriteLine("deepfake: " + ConsoleText.Clean(outcome.Result.Source) + ": " + outcome.Result.ErrorCode + ": " + ConsoleText.Clean(outcome.Result.Message));
            }
        }

        public void WriteProgress(BatchProgress progress) => _progress?.Update(progress, _tally);

        public void WriteDiagnostic(DiagnosticLevel level, string message)
        {
            if (!_verbose) return;
            _progress?.Clear();
            _error.WriteLine((level == DiagnosticLevel.Debug ? "debug: " : "verbose: ") + ConsoleText.Clean(message));
        }
    }
}
