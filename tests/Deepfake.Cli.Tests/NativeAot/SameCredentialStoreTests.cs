using Deepfake.Tests.Support;

namespace Deepfake.Tests.NativeAot
{
    /// <summary>
    /// The JIT build and the native executable share one credential store: what one saves the other shows, uses and
    /// removes, and each command says the same thing whichever build runs it.
    /// </summary>
    [Collection(NativeAotBuildCollection.Name)]
    public sealed class SameCredentialStoreTests : IAsyncLifetime
    {
        private readonly NativeAotBuild _native;
        private readonly Workspace _workspace = new();
        private VendorSandbox _sandbox = null!;

        public SameCredentialStoreTests(NativeAotBuild native)
        {
            _native = native;
        }

        public async Task InitializeAsync() => _sandbox = await VendorSandbox.StartAsync();

        public async Task DisposeAsync()
        {
            await _sandbox.DisposeAsync();
            _workspace.Dispose();
        }

        [NativeAotFact]
        public async Task A_credential_saved_by_either_build_is_shown_used_and_removed_by_the_other()
        {
            var both = new BothBuilds(_workspace.Cli, _native);
            var set = new[] { "credential", "set", "--provider", "ooto", "--app-id", VendorSandbox.OotoAppId, "--key-stdin" };
            var remove = new[] { "credential", "remove", "--provider", "ooto" };
            var check = new[] { "check", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, _workspace.Photo("a.jpg", "outcome=genuine") };
            var runs = new List<CliRun>();
            async Task<CliRun> Run(CliRunner cli, string[] args, string? stdin = null)
            {
                var run = await cli.RunAsync(args, stdin);
                runs.Add(run);
                return run;
            }

            // The JIT build saves; both show it, and both check with it against a sandbox that accepts only that key.
            var savedByJit = await Run(both.Jit, set, VendorSandbox.OotoKey + "\n");
            var shown = await both.RunAsync("credential", "show", "--provider", "ooto");
            var checkedWithIt = await both.RunAsync(check, stdin: null);
            var removedByNative = await Run(both.Native, remove);
            var gone = await both.RunAsync("credential", "show", "--provider", "ooto");

            // And the other way round, from the same empty store, so each command's output can be compared too.
            var savedByNative = await Run(both.Native, set, VendorSandbox.OotoKey + "\n");
            var shownAgain = await both.RunAsync("credential", "show", "--provider", "ooto");
            await both.RunAsync(check, stdin: null);
            var removedByJit = await Run(both.Jit, remove);

            Assert.Equal(0, savedByJit.ExitCode);
            BothBuilds.AssertSame(savedByJit, savedByNative);
            Assert.Equal(0, shown.ExitCode);
            Assert.Contains(VendorSandbox.OotoAppId, shown.Stdout);
            Assert.Contains("…" + VendorSandbox.OotoKey[^4..], shown.Stdout);
            Assert.Equal(shown.Stdout, shownAgain.Stdout);
            Assert.Equal(0, checkedWithIt.ExitCode);
            Assert.Equal(4, _sandbox.Server.Stats.RequestCount("ooto"));
            Assert.Equal(0, removedByNative.ExitCode);
            Assert.Contains("Removed", removedByNative.Stdout);
            BothBuilds.AssertSame(removedByNative, removedByJit);
            Assert.Contains("No credential found", gone.Stdout);
            Assert.DoesNotContain(VendorSandbox.OotoKey, string.Join("\n", runs.Select(r => r.AllOutput)));
            Assert.DoesNotContain(VendorSandbox.OotoKey, _workspace.AllWrittenText());
        }
    }
}
