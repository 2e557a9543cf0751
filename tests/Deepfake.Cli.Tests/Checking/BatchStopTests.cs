using Deepfake;
using Deepfake.Batch;
using Deepfake.Cli.Checking;
using Deepfake.Diagnostics;

namespace Deepfake.Tests.Checking
{
    public sealed class BatchStopTests
    {
        [Fact]
        public void Only_inputs_not_yet_in_the_report_are_remembered()
        {
            var sink = new RecordingSink();
            var stop = new BatchStop(sink, "Ooto");
            for (var i = 0; i < 100; i++)
            {
                stop.Added("/photos/p" + i + ".jpg");
                if (i >= 2) stop.WriteResult(Outcome(i - 2, "/photos/p" + (i - 2) + ".jpg"));
            }

            Assert.Equal(2, stop.Unwritten);
            Assert.Equal(98, sink.Indices.Count);
        }

        [Fact]
        public void The_stopping_input_is_put_back_at_the_first_unwritten_index_with_its_source()
        {
            var sink = new RecordingSink();
            var stop = new BatchStop(sink, "Ooto");
            // The same file given three times: the first copy is already reported.
            stop.Added("/photos/same.jpg");
            stop.Added("/photos/other.jpg");
            stop.Added("/photos/same.jpg");
            stop.Added("/photos/same.jpg");
            stop.WriteResult(Outcome(0, "/photos/same.jpg"));

            var refusal = new DeepfakeException(DeepfakeErrorCode.Unauthorized, "The key was refused.") { InputSource = "/photos/same.jpg" };
            Assert.False(stop.Run(() => throw refusal));

            Assert.Same(refusal, stop.Error);
            Assert.Equal(new long[] { 0, 2 }, sink.Indices);
            var failure = sink.Failures.Single();
            Assert.Equal(2, failure.Index);
            Assert.Equal(DeepfakeErrorCode.Unauthorized, failure.Result.ErrorCode);
            Assert.Equal("Ooto", failure.Result.Provider);
            Assert.Equal(2, stop.Unwritten);
        }

        [Fact]
        public void A_pump_call_that_is_not_stopped_runs_through()
        {
            var stop = new BatchStop(new RecordingSink(), "Ooto");
            var ran = false;

            Assert.True(stop.Run(() => ran = true));
            Assert.True(ran);
            Assert.Null(stop.Error);
        }

        private static BatchOutcome Outcome(long index, string source) =>
            new(index, DeepfakeInput.Parse(source), new DeepfakeResult { Source = source, Provider = "Ooto", Status = DeepfakeStatus.Genuine }, null);

        private sealed class RecordingSink : IBatchSink
        {
            public List<long> Indices { get; } = new();

            public List<BatchOutcome> Failures { get; } = new();

            public void WriteResult(BatchOutcome outcome) => Indices.Add(outcome.Index);

            public void WriteFailure(BatchOutcome outcome)
            {
                Indices.Add(outcome.Index);
                Failures.Add(outcome);
            }

            public void WriteProgress(BatchProgress progress)
            {
            }

            public void WriteDiagnostic(DiagnosticLevel level, string message)
            {
            }
        }
    }
}
