using System.Runtime.InteropServices;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    /// <summary>Ctrl+C (SIGINT) and SIGTERM cancel in-flight requests; what finished is still written; exit 130.</summary>
    public sealed class InterruptTests : IAsyncLifetime
    {
        private const int SigInt = 2;
        private const int SigTerm = 15;
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
            var quick = _workspace.Photo("quick.jpg", "outcome=genuine");
            var stuck = Enumerable.Range(0, 3).Select(i => _workspace.Photo("stuck" + i + ".jpg", "outcome=genuine;latency=120000;nonce=" + i)).ToArray();
            using var process = VendorSandbox.WithOotoKey(_workspace.Cli).Start(
                new[] { "check", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, "--throttle", "4", "--timeout", "300", quick }.Concat(stuck));
            process.StandardInput.Close();

            // The quick item's line arrives while the others are still waiting on the server.
            using var firstLine = new CancellationTokenSource(CliRunner.DefaultTimeout);
            var first = await process.StandardOutput.ReadLineAsync(firstLine.Token);
            Assert.Contains("quick.jpg", first);
            await WaitUntil(() => _sandbox.Server.Stats.RequestCount("ooto") >= 4, "all four requests to reach the sandbox");

            Assert.Equal(0, kill(process.Id, signal));
            var rest = await CliRunner.FinishAsync(process, TimeSpan.FromSeconds(30));

            Assert.Equal(130, rest.ExitCode);
            var items = Jsonl.Parse(first + "\n" + rest.Stdout);
            Assert.Equal(4, items.Count);
            Assert.Equal("genuine", items.For("quick.jpg").Str("status"));
            foreach (var path in stuck)
            {
                var item = items.For(Path.GetFileName(path));
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
