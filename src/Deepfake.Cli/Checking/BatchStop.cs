using System;
using System.Collections.Generic;
using Deepfake.Batch;
using Deepfake.Diagnostics;

namespace Deepfake.Cli.Checking
{
    /// <summary>
    /// Keeps a report complete when the batch stops on a refused credential or an exhausted quota.
    /// <see cref="BatchPump"/> throws the stopping outcome's error instead of writing it; this puts that input back
    /// in the report as <c>failed</c> (at its own index) and remembers the first error for the exit message.
    /// It is the sink the pump writes through, so it knows which inputs are not in the report yet and holds the
    /// sources of those only (the batch's pending inputs), not of every input the run has seen.
    /// </summary>
    internal sealed class BatchStop : IBatchSink
    {
        private readonly IBatchSink _sink;
        private readonly string _provider;
        private readonly Dictionary<long, string> _unwritten = new();
        private long _added;

        public BatchStop(IBatchSink sink, string provider)
        {
            _sink = sink;
            _provider = provider;
        }

        /// <summary>The first error that stopped the batch; null while it runs.</summary>
        public DeepfakeException? Error { get; private set; }

        /// <summary>How many inputs are added and not yet in the report.</summary>
        internal int Unwritten => _unwritten.Count;

        /// <summary>Records the source of the input about to be added: the batch numbers inputs in that order.</summary>
        public void Added(string source) => _unwritten.Add(_added++, source);

        /// <summary>Runs a pump call; false when it was cut short by a stopping error (run it again to go on).</summary>
        public bool Run(Action pump)
        {
            try
            {
                pump();
                return true;
            }
            catch (DeepfakeException e) when (e.ErrorCode.StopsBatch())
            {
                Error ??= e;
                Report(e);
                return false;
            }
        }

        public void WriteResult(BatchOutcome outcome)
        {
            _unwritten.Remove(outcome.Index);
            _sink.WriteResult(outcome);
        }

        public void WriteFailure(BatchOutcome outcome)
        {
            _unwritten.Remove(outcome.Index);
            _sink.WriteFailure(outcome);
        }

        public void WriteProgress(BatchProgress progress) => _sink.WriteProgress(progress);

        public void WriteDiagnostic(DiagnosticLevel level, string message) => _sink.WriteDiagnostic(level, message);

        private void Report(DeepfakeException error)
        {
            // The error names its input by source only; the same file given twice is the first one not yet written.
            var source = error.InputSource ?? string.Empty;
            long? index = null;
            foreach (var pending in _unwritten)
            {
                if (pending.Value == source && (index is null || pending.Key < index)) index = pending.Key;
            }

            if (index is null) return;
            var result = DeepfakeResult.FromError(source, error.Provider ?? _provider, error);
            WriteFailure(new BatchOutcome(index.Value, DeepfakeInput.Parse(source), result, error));
        }
    }
}
