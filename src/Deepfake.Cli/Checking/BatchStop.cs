using System;
using System.Collections.Generic;
using Deepfake.Batch;

namespace Deepfake.Cli.Checking
{
    /// <summary>
    /// Keeps a report complete when the batch stops on a refused credential or an exhausted quota.
    /// <see cref="BatchPump"/> throws the stopping outcome's error instead of writing it; this puts that input back
    /// in the report as <c>failed</c> (at its own index) and remembers the first error for the exit message.
    /// </summary>
    internal sealed class BatchStop
    {
        private readonly ConsoleBatchSink _sink;
        private readonly string _provider;
        private readonly List<string> _sources = new();

        public BatchStop(ConsoleBatchSink sink, string provider)
        {
            _sink = sink;
            _provider = provider;
        }

        /// <summary>The first error that stopped the batch; null while it runs.</summary>
        public DeepfakeException? Error { get; private set; }

        /// <summary>Records the source of the input about to be added: the batch numbers inputs in that order.</summary>
        public void Added(string source) => _sources.Add(source);

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

        private void Report(DeepfakeException error)
        {
            var source = error.InputSource ?? string.Empty;
            for (var index = 0; index < _sources.Count; index++)
            {
                if (_sources[index] == source && !_sink.HasWritten(index))
                {
                    var result = DeepfakeResult.FromError(source, error.Provider ?? _provider, error);
                    _sink.WriteFailure(new BatchOutcome(index, DeepfakeInput.Parse(source), result, error));
                    return;
                }
            }
        }
    }
}
