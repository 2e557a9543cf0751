using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    /// <summary>Every documented exit code, from the built executable against the sandbox or the Local provider.</summary>
    public sealed class ExitCodeTests : IAsyncLifetime
    {
        private readonly Workspace _workspace = new();
        private VendorSandbox _sandbox = null!;

        public async Task InitializeAsync() => _sandbox = await VendorSandbox.StartAsync(o => o.VerihubsQuota = 2);

        public async Task DisposeAsync()
        {
            await _sandbox.DisposeAsync();
            _workspace.Dispose();
        }

        private Task<CliRun> Ooto(params string[] inputs) =>
            VendorSandbox.WithOotoKey(_workspace.Cli).RunAsync(new[] { "check", "-p", "ooto", "--endpoint", _sandbox.BaseUrl }.Concat(inputs).ToArray());

        [Fact]
        public async Task Zero_when_every_item_is_genuine()
        {
            var run = await Ooto(_workspace.Photo("a.jpg", "outcome=genuine"), _workspace.Photo("b.jpg", "outcome=genuine;nonce=b"));

            Assert.Equal(0, run.ExitCode);
            Assert.All(Jsonl.Parse(run.Stdout), i => Assert.Equal("genuine", i.Str("status")));
        }

        [Fact]
        public async Task Zero_when_the_local_provider_finds_no_declaration_inconclusive_is_not_a_deepfake()
        {
            var plain = _workspace.Write("plain.jpg", File.ReadAllBytes(Workspace.Fixture("astronaut.jpg")));

            var run = await _workspace.Cli.RunAsync("check", "--provider", "local", plain);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("inconclusive", Jsonl.Parse(run.Stdout).Single().Str("status"));
        }

        [Fact]
        public async Task One_when_a_deepfake_is_found_and_everything_was_checked()
        {
            var run = await Ooto(_workspace.Photo("a.jpg", "outcome=genuine"), _workspace.Photo("fake.jpg", "outcome=deepfake"));

            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public async Task Two_when_an_item_is_rejected_even_beside_a_deepfake()
        {
            var run = await Ooto(_workspace.Photo("fake.jpg", "outcome=deepfake"), _workspace.Photo("two.jpg", "outcome=multiface"));

            Assert.Equal(2, run.ExitCode);
            Assert.Equal("MultipleFaces", Jsonl.Parse(run.Stdout).For("two.jpg").Str("errorCode"));
        }

        [Fact]
        public async Task Two_when_an_item_could_not_be_checked()
        {
            var missing = Path.Combine(_workspace.Images, "missing.jpg");

            var run = await Ooto(_workspace.Photo("a.jpg", "outcome=genuine"), missing);

            Assert.Equal(2, run.ExitCode);
            var item = Jsonl.Parse(run.Stdout).For("missing.jpg");
            Assert.Equal("failed", item.Str("status"));
            Assert.Equal("FileNotFound", item.Str("errorCode"));
            Assert.Contains("missing.jpg", run.Stderr);
        }

        [Fact]
        public async Task Three_when_no_credential_is_configured_and_nothing_is_sent()
        {
            var run = await _workspace.Cli.RunAsync("check", "--provider", "ooto", "--endpoint", _sandbox.BaseUrl, _workspace.Photo("a.jpg", "outcome=genuine"));

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("deepfake credential set", run.Stderr);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Stderr, "deepfake credential set"));
            Assert.Equal(0, _sandbox.Server.Stats.RequestCount("ooto"));
        }

        [Fact]
        public async Task Three_when_the_vendor_refuses_the_key_and_every_input_is_still_reported()
        {
            const string wrongKey = "WRONGKEY-hx81-DO-NOT-LEAK-77f0";
            var inputs = Enumerable.Range(0, 6).Select(i => _workspace.Photo("p" + i + ".jpg", "outcome=genuine;nonce=" + i)).ToArray();

            var run = await VendorSandbox.WithOotoKey(_workspace.Cli, wrongKey)
                .RunAsync(new[] { "check", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, "--throttle", "1", "--verbose" }.Concat(inputs).ToArray());

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("Unauthorized", run.Stderr + run.Stdout, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(wrongKey, run.AllOutput);
            // One worker: the first refusal stops the batch before anything else is sent, and the report still lists
            // every input, the rest as not sent.
            Assert.Equal(1, _sandbox.Server.Stats.RequestCount("ooto"));
            var items = Jsonl.Parse(run.Stdout);
            Assert.Equal(inputs.OrderBy(i => i), items.Select(i => i.Str("source")!).OrderBy(i => i));
            Assert.All(items, i => Assert.Equal("failed", i.Str("status")));
            Assert.Equal("Unauthorized", items.For("p0.jpg").Str("errorCode"));
            Assert.All(items.Where(i => i.Str("source") != inputs[0]), i => Assert.Equal("Cancelled", i.Str("errorCode")));
            Assert.Contains("deepfake credential set --provider ooto", run.Stderr);
        }

        [Fact]
        public async Task Three_when_the_quota_is_exhausted()
        {
            var inputs = Enumerable.Range(0, 5).Select(i => _workspace.Photo("q" + i + ".jpg", "outcome=genuine;nonce=q" + i)).ToArray();

            var run = await _sandbox.WithVerihubs(_workspace.Cli)
                .RunAsync(new[] { "check", "-p", "verihubs", "--throttle", "1", "--format", "json" }.Concat(inputs).ToArray());

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("quota", run.Stderr, StringComparison.OrdinalIgnoreCase);
            // What finished before the quota ran out is still reported.
            using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
            var items = doc.RootElement.EnumerateArray().ToList();
            Assert.Equal(inputs, items.Select(i => i.Str("source")));
            Assert.Equal(new[] { "genuine", "genuine", "failed", "failed", "failed" }, items.Select(i => i.Str("status")));
            // The first refusal stops the batch: nothing is sent after it, and the rest are reported as not sent.
            Assert.Equal(new[] { null, null, "QuotaExceeded", "Cancelled", "Cancelled" }, items.Select(i => i.Str("errorCode")));
            Assert.Equal(3, _sandbox.Server.Stats.RequestCount("verihubs"));
        }
    }
}
