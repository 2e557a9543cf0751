using Deepfake.Diagnostics;

namespace Deepfake.Batch
{
    /// <summary>
    /// What an adapter writes a batch through. <see cref="BatchPump"/> calls it on the adapter's own thread only,
    /// so a PowerShell cmdlet can forward each call to WriteObject, WriteError, WriteProgress and WriteVerbose.
    /// </summary>
    public interface IBatchSink
    {
        /// <summary>A verdict or a rejection (Genuine, Deepfake, Inconclusive, Rejected).</summary>
        void WriteResult(BatchOutcome outcome);

        /// <summary>An input that could not be checked (Failed); <see cref="BatchOutcome.Error"/> says why.</summary>
        void WriteFailure(BatchOutcome outcome);

        void WriteProgress(BatchProgress progress);

        void WriteDiagnostic(DiagnosticLevel level, string message);
    }
}
