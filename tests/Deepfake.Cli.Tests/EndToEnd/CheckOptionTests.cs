using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    /// <summary>The options that change what is asked of the provider reach it and show in the report.</summary>
    public sealed class CheckOptionTests : IAsyncLifetime
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
        public async Task Threshold_above_the_score_turns_an_ooto_verdict_into_a_deepfake()
        {
            var photo = _workspace.Photo("a.jpg", "outcome=genuine");
            var cli = VendorSandbox.WithOotoKey(_workspace.Cli);

            var own = Jsonl.Parse((await cli.RunAsync("check", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, photo)).Stdout).Single();
            var score = own.GetProperty("score").GetDouble();
            var strict = await cli.RunAsync("check", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, "--threshold", "0.999999", photo);

            Assert.True(score < 0.999999, "the sandbox's genuine score should be below the strict threshold");
            var item = Jsonl.Parse(strict.Stdout).Single();
            Assert.Equal("deepfake", item.Str("status"));
            Assert.Equal(0.999999, item.GetProperty("threshold").GetDouble());
            Assert.Equal(score, item.GetProperty("score").GetDouble());
            Assert.Equal(1, strict.ExitCode);
        }

        [Fact]
        public async Task Validate_quality_has_verihubs_reject_a_poor_image()
        {
            var photo = _workspace.Photo("blur.jpg", "outcome=genuine;outcome=lowquality");

            var run = await _sandbox.WithVerihubs(_workspace.Cli).RunAsync("check", "-p", "verihubs", "--validate-quality", photo);

            var item = Jsonl.Parse(run.Stdout).Single();
            Assert.Equal("rejected", item.Str("status"));
            Assert.Equal("QualityRejected", item.Str("errorCode"));
            Assert.Equal(2, run.ExitCode);
        }
    }
}
