using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    /// <summary>The command-line surface of the built executable: version, help, usage errors.</summary>
    public sealed class CommandLineTests : IDisposable
    {
        private readonly Workspace _workspace = new();

        public void Dispose() => _workspace.Dispose();

        [Fact]
        public async Task Version_prints_the_assembly_version()
        {
            var run = await _workspace.Cli.RunAsync("--version");

            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith(typeof(Deepfake.DeepfakeResult).Assembly.GetName().Version!.ToString(3), run.Stdout.Trim());
        }

        [Fact]
        public async Task Help_documents_exit_codes_and_the_default_format_when_piped()
        {
            var run = await _workspace.Cli.RunAsync("check", "--help");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Exit codes:", run.Stdout);
            Assert.Contains("130", run.Stdout);
            Assert.Contains("141", run.Stdout);
            Assert.Contains("jsonl (one JSON object per line, as items finish) when stdout is redirected or piped", run.Stdout);
            foreach (var option in new[] { "--provider", "--endpoint", "--threshold", "--throttle", "--timeout", "--retries", "--quality", "--attributes", "--validate-quality", "--validate-attributes", "--recurse", "--verbose", "--format" })
            {
                Assert.Contains(option, run.Stdout);
            }
        }

        [Theory]
        [InlineData("check", "--format", "xml", "a.jpg")]
        [InlineData("check", "--threshold", "1.5", "a.jpg")]
        [InlineData("check", "--throttle", "0", "a.jpg")]
        [InlineData("check", "--provider", "acme", "a.jpg")]
        [InlineData("check", "--endpoint", "ftp://example.com", "a.jpg")]
        [InlineData("check", "--endpoint", "https://user:pw@example.com", "a.jpg")]
        [InlineData("check", "--thresold", "0.5", "a.jpg")]
        [InlineData("check")]
        [InlineData("frobnicate")]
        [InlineData("credential", "set", "--provider", "ooto", "--app-id", "x", "--key", "sekrit")]
        public async Task Bad_usage_exits_3_with_a_message_on_stderr(params string[] args)
        {
            var run = await _workspace.Cli.RunAsync(args);

            Assert.Equal(3, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout);
            Assert.Contains("deepfake: ", run.Stderr);
            Assert.Contains("--help", run.Stderr);
        }
    }
}
