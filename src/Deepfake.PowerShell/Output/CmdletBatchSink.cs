using System;
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

        private readonly Cmdlet _cmdlet;
        private readonly Func<DeepfakeResult, object> _toOutput;
        private readonly string _activity;

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
