using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    public sealed class QualityCommandTests : IAsyncLifetime
    {
        private readonly Workspace _workspace = new();
        private VendorSandbox _sandbox = null!;

        public async Task InitializeAsync() => _sandbox = await VendorSandbox.StartAsync();

        public async Task DisposeAsync()
        {
            await _sandbox.DisposeAsync();
            _workspace.Dispose();
        }

        [Fact]
        public async Task Exit_code_one_means_an_image_of_poor_quality_whatever_the_verdict()
        {
            var sharp = _workspace.Photo("sharp.jpg", "outcome=deepfake");
            var blurred = _workspace.Photo("blurred.jpg", "outcome=genuine;outcome=lowquality");
            var cli = VendorSandbox.WithOotoKey(_workspace.Cli);

            var onlySharp = await cli.RunAsync("quality", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, sharp);
            var both = await cli.RunAsync("quality", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, "--format", "table", sharp, blurred);

            Assert.Equal(0, onlySharp.ExitCode);
            Assert.True(Jsonl.Parse(onlySharp.Stdout).Single().GetProperty("quality").GetProperty("acceptable").GetBoolean());
            Assert.Equal(1, both.ExitCode);
            Assert.StartsWith("QUALITY", both.StdoutLines[0]);
            Assert.Matches(@"^poor\s+genuine\s+\S*blurred\.jpg\s+failed: ", both.StdoutLines[2]);
        }

        [Fact]
        public async Task The_local_provider_cannot_measure_quality()
        {
            var run = await _workspace.Cli.RunAsync("quality", "--provider", "local", Workspace.Fixture("astronaut.jpg"));

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("does not measure image quality", run.Stderr);
        }
    }
}
