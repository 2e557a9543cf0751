using Deepfake.Batch;
using Deepfake.Diagnostics;

namespace Deepfake.Tests.Support
{
    /// <summary>Records what a run writes, as the cmdlet's sink would forward it to the output, error, progress and verbose streams.</summary>
    internal sealed class RecordingSink : IBatchSink
    {
        public List<BatchOutcome> Results { get; } = new List<BatchOutcome>();

        public List<BatchOutcome> Failures { get; } = new List<BatchOutcome>();

        public List<BatchProgress> Progress { get; } = new List<BatchProgress>();

        public List<(DiagnosticLevel Level, string Message)> Diagnostics { get; } = new List<(DiagnosticLevel, string)>();

        public int ThreadId { get; } = Environment.CurrentManagedThreadId;

        public List<int> WritingThreads { get; } = new List<int>();

        public void WriteResult(BatchOutcome outcome)
        {
            WritingThreads.Add(Environment.CurrentManagedThreadId);
            Results.Add(outcome);
        }

        public void WriteFailure(BatchOutcome outcome)
        {
            WritingThreads.Add(Environment.CurrentManagedThreadId);
            Failures.Add(outcome);
        }

        public void WriteProgress(BatchProgress progress)
        {
            WritingThreads.Add(Environment.CurrentManagedThreadId);
            Progress.Add(progress);
        }

        public void WriteDiagnostic(DiagnosticLevel level, string message)
        {
            WritingThreads.Add(Environment.CurrentManagedThreadId);
            Diagnostics.Add((level, message));
        }

        public BatchOutcome Outcome(string source) =>
            Results.Concat(Failures).Single(o => o.Input.Source == source);
    }
}
