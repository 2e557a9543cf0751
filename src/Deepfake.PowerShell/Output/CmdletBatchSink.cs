using System;
using System.Diagnostics;
using System.Management.Automation;
using Deepfake.Batch;
using Deepfake.Diagnostics;

namespace Deepfake.Commands.Output
{
    /// <summary>
    /// Forwards what <see cref="BatchPump"/> drains to the cmdlet's streams. BatchPump calls it on the pipeline
    /// thread only (ProcessRecord, EndProcessing), the one thread PowerShell lets write.
    /// </summary>
    internal sealed class CmdletBatchSink : IBatchSink
    {
        private const int ProgressActivityId = 0x0DEF;

        // Windows PowerShell 5.1 renders every progress record synchronously and slowly; a few a second is plenty.
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        private readonly Cmdlet _cmdlet;
        private readonly Func<DeepfakeResult, object> _toOutput;
        private readonly string _activity;
        private readonly Stopwatch _sinceProgress = new Stopwatch();

        public CmdletBatchSink(Cmdlet cmdlet, string activity, Func<DeepfakeResult, object> toOutput)
        {
            _cmdlet = cmdlet;
            _activity = activity;
            _toOutput = toOutput;
        }

        public void WriteResult(BatchOutcome outcome) => _cmdlet.WriteObject(_toOutput(outcome.Result));

        public void WriteFailure(BatchOutcome outcome) =>
            _cmdlet.WriteError(ErrorRecords.From(outcome.Error!, outcome.Input.Source));

        public void WriteProgress(BatchProgress progress)
        {
            var finished = progress.InputComplete && progress.Completed == progress.Submitted;
            if (_sinceProgress.IsRunning && _sinceProgress.Elapsed < ProgressInterval && !finished)
            {
                return;
            }

            _sinceProgress.Restart();
            var record = new ProgressRecord(ProgressActivityId, _activity, "Checked " + progress)
            {
                PercentComplete = progress.PercentComplete is double percent ? (int)percent : -1,
            };
            _cmdlet.WriteProgress(record);
        }

        public void WriteDiagnostic(DiagnosticLevel level, string message)
        {
            if (level == DiagnosticLevel.Debug)
            {
                _cmdlet.WriteDebug(message);
            }
            else
            {
                _cmdlet.WriteVerbose(message);
            }
        }

        public void CompleteProgress() =>
            _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
