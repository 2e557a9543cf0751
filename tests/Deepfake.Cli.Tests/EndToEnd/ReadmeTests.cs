using System.CommandLine;
using System.Text.RegularExpressions;
using Deepfake.Cli;
using Deepfake.Sandbox;
using Deepfake.Tests.NativeAot;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    /// <summary>
    /// The README is the front door: every <c>deepfake</c> command it shows must still be a valid command line, and
    /// its sandbox walkthrough must work as written (against an in-process sandbox instead of port 5080).
    /// </summary>
    public sealed class ReadmeTests : IDisposable
    {
        private const string CliPrefix = "dotnet run --project src/Deepfake.Cli -- ";
        private readonly Workspace _workspace = new();

        public void Dispose() => _workspace.Dispose();

        private static string[] CodeLines() => File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"))
            .Where(line => line.StartsWith("    ", StringComparison.Ordinal))
            .Select(line => line.Trim())
            .ToArray();

        /// <summary>Each `deepfake ...` command in a code block, as its arguments; synopsis lines (with placeholders) are left out.</summary>
        private static List<string[]> ReadmeCommands()
        {
            var commands = new List<string[]>();
            foreach (var line in CodeLines().Where(l => !Regex.IsMatch(l, @"[\[<]|\w\|\w")))
            {
                foreach (var segment in line.Split('|').Select(s => s.Trim()))
                {
                    var command = Regex.Replace(segment, @"^(\w+=\S+\s+)+", string.Empty);
                    if (command.StartsWith(CliPrefix, StringComparison.Ordinal)) command = "deepfake " + command.Substring(CliPrefix.Length);
                    // "deepfake      -      samples/..." is a row of example output, not a command.
                    if (!Regex.IsMatch(command, "^deepfake [^ ]")) continue;

                    command = Regex.Replace(command, @"\s*(#.*|>\s*\S+)$", string.Empty);
                    commands.Add(command.Substring("deepfake ".Length).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(arg => arg.Trim('"'))
                        .ToArray());
                }
            }

            return commands;
        }

        [Fact]
        public void Every_deepfake_command_in_the_readme_parses_without_a_usage_error()
        {
            var commands = ReadmeCommands();
            var root = CommandLine.Build(Terminal.FromProcess());

            Assert.True(commands.Count >= 7, "README commands found: " + commands.Count);
            Assert.All(commands, args =>
            {
                var parse = root.Parse(args);
                Assert.True(parse.Errors.Count == 0, string.Join(" ", args) + ": " + string.Join("; ", parse.Errors.Select(e => e.Message)));
                Assert.NotSame(root, parse.CommandResult.Command);
            });
        }

        [Fact]
        public void The_native_publish_command_is_the_one_the_tests_publish_and_check()
        {
            var line = Assert.Single(CodeLines(), l => l.StartsWith("dotnet publish ", StringComparison.Ordinal));
            var words = line.Split(' ');
            var output = words[^1];

            Assert.Equal(new[] { "dotnet" }.Concat(NativeAotBuild.ReadmeCommand(output)), words);
            Assert.Contains("`" + output + "/deepfake`", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")));
        }

        [Fact]
        public async Task The_sandbox_walkthrough_checks_a_photo_with_any_key()
        {
            var line = Assert.Single(CodeLines(), l => l.StartsWith("DEEPFAKE_OOTO_APP_ID=", StringComparison.Ordinal));
            await using var sandbox = await SandboxServer.StartAsync();
            var cli = _workspace.Cli;
            foreach (Match assignment in Regex.Matches(line, @"(DEEPFAKE_\w+)=(\S+)"))
            {
                cli = cli.With(assignment.Groups[1].Value, assignment.Groups[2].Value);
            }

            var args = line.Substring(line.IndexOf("deepfake ", StringComparison.Ordinal) + "deepfake ".Length)
                .Replace("http://127.0.0.1:5080", sandbox.BaseAddress.ToString().TrimEnd('/'))
                .Replace("photo.jpg", Workspace.Fixture("astronaut.jpg"))
                .Split(' ');

            var run = await cli.RunAsync(args);

            Assert.Equal(0, run.ExitCode);
            var item = Assert.Single(Jsonl.Parse(run.Stdout));
            Assert.Equal("Ooto", item.Str("provider"));
            Assert.Equal("genuine", item.Str("status"));
            Assert.Equal(1, sandbox.Stats.RequestCount("ooto"));
        }
    }
}
