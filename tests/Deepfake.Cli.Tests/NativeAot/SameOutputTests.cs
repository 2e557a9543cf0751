using System.Text.RegularExpressions;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.NativeAot
{
    /// <summary>
    /// The published native executable and the JIT build, given the same command line, inputs and environment, exit
    /// with the same code and write the same stdout and stderr (<see cref="BothBuilds.Normalise"/>).
    /// </summary>
    [Collection(NativeAotBuildCollection.Name)]
    public sealed class SameOutputTests : IAsyncLifetime
    {
        private readonly NativeAotBuild _native;
        private readonly Workspace _workspace = new();
        private VendorSandbox _sandbox = null!;

        public SameOutputTests(NativeAotBuild native)
        {
            _native = native;
        }

        public async Task InitializeAsync() => _sandbox = await VendorSandbox.StartAsync();

        public async Task DisposeAsync()
        {
            await _sandbox.DisposeAsync();
            _workspace.Dispose();
        }

        private BothBuilds Both(CliRunner? configured = null) => new(configured ?? _workspace.Cli, _native);

        [NativeAotFact]
        public void The_published_executable_is_native_code_with_no_assembly_beside_it()
        {
            var folder = Path.GetDirectoryName(_native.ExecutablePath)!;

            Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, File.ReadAllBytes(_native.ExecutablePath)[..4]);
            Assert.Empty(Directory.GetFiles(folder, "*.dll"));
            Assert.InRange(new FileInfo(_native.ExecutablePath).Length, 4L << 20, 64L << 20);
        }

        [NativeAotTheory]
        [InlineData("--version")]
        [InlineData("--help")]
        [InlineData("check --help")]
        public async Task Version_and_help(string commandLine)
        {
            var run = await Both().RunAsync(commandLine.Split(' '));

            Assert.Equal(0, run.ExitCode);
            Assert.NotEmpty(run.Stdout.Trim());
        }

        [NativeAotTheory]
        [InlineData("table")]
        [InlineData("json")]
        [InlineData("jsonl")]
        [InlineData("csv")]
        public async Task Local_check_of_the_repository_samples(string format)
        {
            _workspace.Cli.WorkingDirectory = RepositoryRoot.Path;

            // jsonl is written as items finish, in an order no two runs repeat; the other formats keep input order.
            var run = await Both().RunAsync(new[] { "check", "--provider", "local", "--recurse", "--format", format, "samples" }, stdin: null, inAnyOrder: format == "jsonl");

            Assert.Equal(1, run.ExitCode);
            foreach (var sample in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "samples")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
            {
                Assert.Contains(Path.GetFileName(sample), run.Stdout);
            }
        }

        [NativeAotFact]
        public async Task On_a_terminal_the_default_table_and_its_progress_line()
        {
            _workspace.Cli.WorkingDirectory = RepositoryRoot.Path;
            var both = Both();
            var args = new[] { "check", "--provider", "local", "--recurse", "samples" };

            var jit = await both.Jit.RunOnTerminalAsync(args);
            var native = await both.Native.RunOnTerminalAsync(args);

            // The progress line redraws itself ("\r", erase line) at most every so often, so how many frames a run shows
            // depends on its speed: the frames are removed, and what stays (terminal setup, table, summary) must agree.
            Assert.Contains("\u001b[KChecking: ", jit.Stdout);
            Assert.Contains("\u001b[KChecking: ", native.Stdout);
            BothBuilds.AssertSame(WithoutProgress(jit), WithoutProgress(native));
            Assert.Equal(1, native.ExitCode);
            Assert.Contains("STATUS", native.Stdout);
        }

        private static CliRun WithoutProgress(CliRun run) =>
            new(run.ExitCode, Regex.Replace(run.Stdout, @"\r\u001b\[KChecking: [^\r\u001b]*", string.Empty), run.Stderr);

        [NativeAotFact]
        public async Task Ooto_check()
        {
            var genuine = _workspace.Photo("genuine.jpg", "outcome=genuine");
            var fake = _workspace.Photo("fake.jpg", "outcome=deepfake");

            var run = await Both(VendorSandbox.WithOotoKey(_workspace.Cli)).RunAsync("check", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, "--format", "json", genuine, fake);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("\"score\": 0.", run.Stdout);
            Assert.Equal(4, _sandbox.Server.Stats.RequestCount("ooto"));
        }

        [NativeAotFact]
        public async Task Verihubs_check_with_quality_and_attributes()
        {
            var photo = _workspace.Photo("vh.jpg", "outcome=genuine;outcome=lowquality;outcome=attribute");

            var run = await Both(_sandbox.WithVerihubs(_workspace.Cli)).RunAsync("check", "-p", "verihubs", "--quality", "--attributes", "--format", "json", photo);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("\"provider\": \"Verihubs\"", run.Stdout);
            Assert.Equal(2, _sandbox.Server.Stats.RequestCount("verihubs"));
        }

        [NativeAotTheory]
        [InlineData("ooto")]
        [InlineData("verihubs")]
        public async Task Mixed_batch_with_a_rejected_image_and_a_missing_path(string provider)
        {
            var cli = VendorSandbox.WithOotoKey(_sandbox.WithVerihubs(_workspace.Cli));
            var inputs = new[]
            {
                _workspace.Photo("genuine.jpg", "outcome=genuine"),
                _workspace.Photo("fake.jpg", "outcome=deepfake"),
                _workspace.Photo("noface.jpg", "outcome=noface"),
                Path.Combine(_workspace.Images, "missing.jpg"),
            };

            // Only the missing path is a failure, named on stderr; the rejection is a result, in stdout's input order.
            var run = await Both(cli).RunAsync(new[] { "check", "-p", provider, "--endpoint", _sandbox.BaseUrl, "--format", "json" }.Concat(inputs), stdin: null);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("\"status\": \"rejected\"", run.Stdout);
            Assert.Contains("missing.jpg", run.Stderr);
        }

        [NativeAotFact]
        public async Task Quality()
        {
            var sharp = _workspace.Photo("sharp.jpg", "outcome=deepfake");
            var blurred = _workspace.Photo("blurred.jpg", "outcome=genuine;outcome=lowquality");
            var both = Both(VendorSandbox.WithOotoKey(_workspace.Cli));

            var table = await both.RunAsync("quality", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, "--format", "table", sharp, blurred);
            var json = await both.RunAsync("quality", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, "--format", "json", sharp, blurred);

            Assert.Equal(1, table.ExitCode);
            Assert.StartsWith("QUALITY", table.Stdout);
            Assert.Equal(1, json.ExitCode);
        }

        [NativeAotFact]
        public async Task A_refused_key()
        {
            // The sandbox accepts only VendorSandbox.OotoKey for its app id.
            var cli = VendorSandbox.WithOotoKey(_workspace.Cli, "wrong-key-Hh3k");

            var run = await Both(cli).RunAsync("check", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, _workspace.Photo("a.jpg", "outcome=genuine"));

            Assert.Equal(3, run.ExitCode);
            Assert.NotEmpty(run.Stderr);
            Assert.DoesNotContain("wrong-key-Hh3k", run.AllOutput);
        }

        [NativeAotFact]
        public async Task An_unknown_option()
        {
            var run = await Both().RunAsync("check", "--no-such-option", "a.jpg");

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("--no-such-option", run.Stderr);
        }

        [NativeAotTheory]
        [InlineData("ooto")]
        [InlineData("verihubs")]
        public async Task Verbose_diagnostics_without_the_key(string provider)
        {
            var cli = VendorSandbox.WithOotoKey(_sandbox.WithVerihubs(_workspace.Cli));

            var run = await Both(cli).RunAsync("check", "-p", provider, "--endpoint", _sandbox.BaseUrl, "--verbose", _workspace.Photo("v.jpg", "outcome=genuine"));

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("verbose: ", run.Stderr);
            Assert.Contains("debug: POST ", run.Stderr);
            // BothBuilds asserts that neither build printed either key.
        }
    }
}
