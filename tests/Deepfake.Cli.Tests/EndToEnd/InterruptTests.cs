using System.Runtime.InteropServices;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    /// <summary>Ctrl+C (SIGINT) and SIGTERM cancel in-flight requests; what finished is still written; exit 130.</summary>
    public sealed class InterruptTests : IAsyncLifetime
    {
        internal const int SigInt = 2;
        internal const int SigTerm = 15;
        private readonly Workspace _workspace = new();
        private VendorSandbox _sandbox = null!;

        public async Task InitializeAsync() => _sandbox = await VendorSandbox.StartAsync();

        public async Task DisposeAsync()
        {
            await _sandbox.DisposeAsync();
            _workspace.Dispose();
        }

        [Theory]
        [InlineData(SigInt)]
        [InlineData(SigTerm)]
        public async Task Signal_cancels_in_flight_items_and_still_reports_every_input(int signal)
        {
            var run = await InterruptSlowBatchAsync(_workspace.Cli, _workspace, _sandbox, signal);

            AssertEveryInputReported(run);
        }

        /// <summary>
        /// Checks one quick and three stuck photos four at a time through <paramref name="cli"/> and sends
        /// <paramref name="signal"/> once the quick item's line is out and all four requests are at the sandbox.
        /// Returns the whole run, its stdout including that first line.
        /// </summary>
        internal static async Task<CliRun> InterruptSlowBatchAsync(CliRunner cli, Workspace workspace, VendorSandbox sandbox, int signal)
        {
            var quick = workspace.Photo("quick.jpg", "outcome=genuine");
            var stuck = Enumerable.Range(0, 3).Select(i => workspace.Photo("stuck" + i + ".jpg", "outcome=genuine;latency=120000;nonce=" + i)).ToArray();
            var requestsBefore = sandbox.Server.Stats.RequestCount("ooto");
            using var process = VendorSandbox.WithOotoKey(cli).Start(
                new[] { "check", "-p", "ooto", "--endpoint", sandbox.BaseUrl, "--throttle", "4", "--timeout", "300", quick }.Concat(stuck));
            process.StandardInput.Close();

            // The quick item's line arrives while the others are still waiting on the server.
            using var firstLine = new CancellationTokenSource(CliRunner.DefaultTimeout);
            var first = await process.StandardOutput.ReadLineAsync(firstLine.Token);
            Assert.Contains("quick.jpg", first);
            await WaitUntil(() => sandbox.Server.Stats.RequestCount("ooto") >= requestsBefore + 4, "all four requests to reach the sandbox");

            Assert.Equal(0, kill(process.Id, signal));
            var rest = await CliRunner.FinishAsync(process, TimeSpan.FromSeconds(30));
            return new CliRun(rest.ExitCode, first + "\n" + rest.Stdout, rest.Stderr);
        }

        /// <summary>Exit 130; the quick item genuine; the three stuck ones written as cancelled, not lost.</summary>
        internal static void AssertEveryInputReported(CliRun run)
        {
            Assert.Equal(130, run.ExitCode);
            var items = Jsonl.Parse(run.Stdout);
            Assert.Equal(4, items.Count);
            Assert.Equal("genuine", items.For("quick.jpg").Str("status"));
            foreach (var stuck in Enumerable.Range(0, 3).Select(i => "stuck" + i + ".jpg"))
            {
                var item = items.For(stuck);
                Assert.Equal("failed", item.Str("status"));
                Assert.Equal("Cancelled", item.Str("errorCode"));
            }
        }

        private static async Task WaitUntil(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow + CliRunner.DefaultTimeout;
            while (!condition())
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for " + what + ".");
                await Task.Delay(20);
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);
    }
}
