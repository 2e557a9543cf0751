using Deepfake.Tests.EndToEnd;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.NativeAot
{
    /// <summary>
    /// Where native code most often parts from the JIT build: POSIX signal handling (Ctrl+C, SIGTERM) and a write to a
    /// closed pipe. The scenarios are the JIT build's own (<see cref="InterruptTests"/>, <see cref="ClosedPipeTests"/>).
    /// </summary>
    [Collection(NativeAotBuildCollection.Name)]
    public sealed class SameSignalTests : IAsyncLifetime
    {
        private readonly NativeAotBuild _native;
        private readonly Workspace _workspace = new();
        private VendorSandbox _sandbox = null!;

        public SameSignalTests(NativeAotBuild native)
        {
            _native = native;
        }

        public async Task InitializeAsync() => _sandbox = await VendorSandbox.StartAsync();

        public async Task DisposeAsync()
        {
            await _sandbox.DisposeAsync();
            _workspace.Dispose();
        }

        [NativeAotTheory]
        [InlineData(InterruptTests.SigInt)]
        [InlineData(InterruptTests.SigTerm)]
        public async Task A_signal_during_a_slow_batch_gives_130_with_every_input_written(int signal)
        {
            var both = new BothBuilds(_workspace.Cli, _native);

            var jit = await InterruptTests.InterruptSlowBatchAsync(both.Jit, _workspace, _sandbox, signal);
            var native = await InterruptTests.InterruptSlowBatchAsync(both.Native, _workspace, _sandbox, signal);

            InterruptTests.AssertEveryInputReported(native);
            // The cancelled items finish together, in no fixed order.
            BothBuilds.AssertSame(jit, native, inAnyOrder: true);
        }

        [NativeAotTheory]
        [InlineData("jsonl")]
        [InlineData("csv")]
        [InlineData("json")]
        public async Task A_closed_stdout_stops_the_batch_quietly_with_141(string format)
        {
            const int count = 200;
            var both = new BothBuilds(_workspace.Cli, _native);

            var jit = await ClosedPipeTests.ReadFirstLineAndCloseAsync(both.Jit, _workspace, _sandbox, format, count, "outcome=genuine;latency=100");
            var native = await ClosedPipeTests.ReadFirstLineAndCloseAsync(both.Native, _workspace, _sandbox, format, count, "outcome=genuine;latency=100");

            // How far each run got before the pipe closed is timing, so only the outcome is compared.
            Assert.Equal(141, jit.ExitCode);
            Assert.Equal(141, native.ExitCode);
            Assert.Equal(string.Empty, jit.Stderr);
            Assert.Equal(string.Empty, native.Stderr);
            Assert.InRange(native.Requests, 1, count - 1);
        }
    }
}
