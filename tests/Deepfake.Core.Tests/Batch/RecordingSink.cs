using Deepfake.Batch;
using Deepfake.Diagnostics;

namespace Deepfake.Tests.Batch;

/// <summary>Records what a pump writes, and on which thread.</summary>
internal sealed class RecordingSink : IBatchSink
{
    public List<BatchOutcome> Results { get; } = new();

    public List<BatchOutcome> Failures { get; } = new();

    public List<BatchProgress> Progress { get; } = new();

    public List<(DiagnosticLevel Level, string Message, int Thread)> Diagnostics { get; } = new();

    public HashSet<int> Threads { get; } = new();

    public IEnumerable<BatchOutcome> All => Results.Concat(Failures);

    public void WriteResult(BatchOutcome outcome)
    {
        Threads.Add(Environment.CurrentManagedThreadId);
        Results.Add(outcome);
    }

    public void WriteFailure(BatchOutcome outcome)
    {
        Threads.Add(Environment.CurrentManagedThreadId);
        Failures.Add(outcome);
    }

    public void WriteProgress(BatchProgress progress)
    {
        Threads.Add(Environment.CurrentManagedThreadId);
        Progress.Add(progress);
    }

    public void WriteDiagnostic(DiagnosticLevel level, string message)
    {
        Threads.Add(Environment.CurrentManagedThreadId);
        Diagnostics.Add((level, message, Environment.CurrentManagedThreadId));
    }
}
