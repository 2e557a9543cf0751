using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    /// <summary>
    /// The README's quick start, run from the repository root exactly as documented (minus the
    /// <c>dotnet run --project src/Deepfake.Cli --</c> prefix, which builds the same executable these tests start).
    /// </summary>
    public sealed class QuickStartTests : IDisposable
    {
        private readonly Workspace _workspace = new();

        public QuickStartTests()
        {
            _workspace.Cli.WorkingDirectory = RepositoryRoot.Path;
        }

        public void Dispose() => _workspace.Dispose();

        private static string[] SampleImages() => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "samples"), "*", SearchOption.AllDirectories)
            .Where(f => new[] { ".jpg", ".jpeg", ".png", ".webp" }.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

        [Fact]
        public async Task Local_check_over_the_samples_reports_every_sample_offline()
        {
            var run = await _workspace.Cli.RunAsync("check", "--provider", "local", "--recurse", "samples");

            var items = Jsonl.Parse(run.Stdout);
            Assert.Equal(SampleImages(), items.Select(i => i.Str("source")!).OrderBy(s => s, StringComparer.Ordinal));
            Assert.All(items, i => Assert.Equal("Local", i.Str("provider")));
            Assert.Contains(items, i => i.Str("status") == "deepfake" && i.GetProperty("evidence").GetArrayLength() > 0);
            Assert.Contains(items, i => i.Str("status") == "inconclusive");
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public async Task On_a_terminal_the_same_command_prints_a_table_and_progress_goes_to_stderr_only()
        {
            var report = Path.Combine(_workspace.Root, "report.jsonl");

            var table = await _workspace.Cli.RunOnTerminalAsync(new[] { "check", "--provider", "local", "--recurse", "samples" });
            var piped = await _workspace.Cli.RunOnTerminalAsync(new[] { "check", "--provider", "local", "--recurse", "samples" }, report);

            Assert.Equal(1, table.ExitCode);
            Assert.Contains("STATUS", table.Stdout);
            Assert.Matches(@"\d+ items: \d+ deepfake, 1 inconclusive\.", table.Stdout);
            // stdout went to the file: the terminal saw only the progress line, the file only JSON.
            Assert.Contains("Checking: ", piped.Stdout);
            Assert.Equal(SampleImages().Length, Jsonl.Parse(File.ReadAllText(report)).Count);
            Assert.DoesNotContain("Checking", File.ReadAllText(report));
        }
    }
}
