using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    /// <summary>
    /// <c>deepfake check ... | head -1</c>: when stdout's reader goes away the run stops quietly, like <c>yes | head</c>,
    /// with exit 141 (128 + SIGPIPE), and sends no more requests.
    /// </summary>
    public sealed class ClosedPipeTests : IAsyncLifetime
    {
        private readonly Workspace _workspace = new();
        private VendorSandbox _sandbox = null!;

        public async Task InitializeAsync() => _sandbox = await VendorSandbox.StartAsync();

        public async Task DisposeAsync()
        {
            await _sandbox.DisposeAsync();
            _workspace.Dispose();
        }

        [Theory]
        [InlineData("jsonl")]
        [InlineData("csv")]
        [InlineData("json")]
        public async Task Closing_stdout_after_the_first_line_stops_the_batch_quietly_with_141(string format)
        {
            const int count = 200;
            // 200 items at 100 ms each, four at a time, take five seconds: the batch is still running when the pipe
            // closes. csv and json write each item once its predecessors are written, so they stop as jsonl does.
            var process = await ReadFirstLineAndCloseAsync(_workspace.Cli, _workspace, _sandbox, format, count, "outcome=genuine;latency=100");

            Assert.Equal(141, process.ExitCode);
            Assert.Equal(string.Empty, process.Stderr);
            Assert.InRange(process.Requests, 1, count - 1);
        }

        /// <summary>
        /// Checks <paramref name="count"/> photos through <paramref name="cli"/>, reads the first line of stdout and closes
        /// it. Returns the exit code, stderr and how many requests this run sent to the sandbox.
        /// </summary>
        internal static async Task<(int ExitCode, string Stderr, long Requests)> ReadFirstLineAndCloseAsync(
            CliRunner cli, Workspace workspace, VendorSandbox sandbox, string format, int count, string directives)
        {
            var inputs = Enumerable.Range(0, count).Select(i => workspace.Photo("p" + i + ".jpg", directives + ";nonce=" + i)).ToArray();
            var requestsBefore = sandbox.Server.Stats.RequestCount("ooto");
            using var process = VendorSandbox.WithOotoKey(cli).Start(
                new[] { "check", "-p", "ooto", "--endpoint", sandbox.BaseUrl, "--throttle", "4", "--format", format }.Concat(inputs));
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();

            using var firstLine = new CancellationTokenSource(CliRunner.DefaultTimeout);
            var first = await process.StandardOutput.ReadLineAsync(firstLine.Token);
            Assert.False(string.IsNullOrEmpty(first));
            process.StandardOutput.Close();

            using var exit = new CancellationTokenSource(CliRunner.DefaultTimeout);
            try
            {
                await process.WaitForExitAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("deepfake kept running after its stdout was closed.\n" + await stderr);
            }

            return (process.ExitCode, await stderr, sandbox.Server.Stats.RequestCount("ooto") - requestsBefore);
        }
    }
}
