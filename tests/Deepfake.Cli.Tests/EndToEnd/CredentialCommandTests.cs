using Deepfake.Configuration;
using Deepfake.Credentials;
using Deepfake.Providers;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    /// <summary><c>deepfake credential set|show|remove</c> against a private DEEPFAKE_CONFIG_DIR.</summary>
    public sealed class CredentialCommandTests : IDisposable
    {
        private const string Key = "OOTO-KEY-zq8Xw3-NEVER-PRINT-4e1f";
        private const string OtherKey = "VH-KEY-p0Lm7-NEVER-PRINT-99aa";
        private readonly Workspace _workspace = new();

        public void Dispose() => _workspace.Dispose();

        [Fact]
        public async Task Set_reads_the_key_from_stdin_and_show_gives_app_id_hint_and_source_but_never_the_key()
        {
            var set = await _workspace.Cli.RunAsync(new[] { "credential", "set", "--provider", "ooto", "--app-id", "app-123", "--key-stdin" }, Key + "\n");
            var show = await _workspace.Cli.RunAsync("credential", "show");

            Assert.Equal(0, set.ExitCode);
            Assert.Equal(0, show.ExitCode);
            var row = show.StdoutLines.Single(l => l.StartsWith("Ooto", StringComparison.Ordinal));
            Assert.Contains("app-123", row);
            Assert.Contains("…4e1f", row);
            Assert.Contains("user", row);
            Assert.Contains("yes", row);
            Assert.DoesNotContain(Key, set.AllOutput + show.AllOutput);
            Assert.DoesNotContain(Key, _workspace.AllWrittenText());
            if (!OperatingSystem.IsWindows())
            {
                var file = Path.Combine(_workspace.Cli.ConfigDirectory, "credentials.json");
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }

        [Fact]
        public async Task A_key_saved_by_the_cli_is_the_one_the_shared_store_finds_and_the_other_way_round()
        {
            await _workspace.Cli.RunAsync(new[] { "credential", "set", "--provider", "ooto", "--app-id", "from-cli", "--key-stdin" }, Key + "\n");
            var store = new CredentialStore(new DeepfakeEnvironment(_ => null, _workspace.Cli.ConfigDirectory));

            var found = store.Find(ProviderKind.Ooto);
            Assert.NotNull(found);
            Assert.Equal("from-cli", found!.Credential.AppId);
            Assert.Equal(Key, found.Credential.Key);

            store.Set(ProviderKind.Verihubs, new ProviderCredential("from-module", OtherKey), CredentialScope.User);
            var show = await _workspace.Cli.RunAsync("credential", "show", "--provider", "verihubs");
            Assert.Contains("from-module", show.Stdout);
            Assert.DoesNotContain(OtherKey, show.AllOutput);
        }

        [Fact]
        public async Task Environment_variables_show_as_the_active_source_and_set_warns_that_they_win()
        {
            _workspace.Cli.With("DEEPFAKE_VERIHUBS_APP_ID", "env-app").With("DEEPFAKE_VERIHUBS_API_KEY", OtherKey);

            var set = await _workspace.Cli.RunAsync(new[] { "credential", "set", "--provider", "verihubs", "--app-id", "saved-app", "--key-stdin" }, Key + "\n");
            var show = await _workspace.Cli.RunAsync("credential", "show", "-p", "verihubs");

            Assert.Equal(0, set.ExitCode);
            Assert.Contains("DEEPFAKE_VERIHUBS_APP_ID", set.Stderr);
            var active = show.StdoutLines.Single(l => l.Contains("env-app", StringComparison.Ordinal));
            Assert.Contains("environment", active);
            Assert.Contains("yes", active);
            Assert.Contains(show.StdoutLines, l => l.Contains("saved-app", StringComparison.Ordinal) && l.Contains(" no ", StringComparison.Ordinal));
            Assert.DoesNotContain(OtherKey, set.AllOutput + show.AllOutput);
            Assert.DoesNotContain(Key, set.AllOutput + show.AllOutput);
        }

        [Fact]
        public async Task Without_key_stdin_and_without_a_terminal_the_key_is_refused_not_read()
        {
            var run = await _workspace.Cli.RunAsync(new[] { "credential", "set", "--provider", "ooto", "--app-id", "a" }, Key + "\n");

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("--key-stdin", run.Stderr);
            Assert.False(File.Exists(Path.Combine(_workspace.Cli.ConfigDirectory, "credentials.json")));
        }

        [Fact]
        public async Task Session_scope_is_refused_with_the_reason()
        {
            var run = await _workspace.Cli.RunAsync(new[] { "credential", "set", "--provider", "ooto", "--app-id", "a", "--key-stdin", "--scope", "session" }, Key + "\n");

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("forgotten when deepfake exits", run.Stderr);
            Assert.Contains("DEEPFAKE_OOTO_APP_ID", run.Stderr);
        }

        [Fact]
        public async Task Empty_key_on_stdin_is_refused()
        {
            var run = await _workspace.Cli.RunAsync(new[] { "credential", "set", "--provider", "ooto", "--app-id", "a", "--key-stdin" }, "\n");

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("empty", run.Stderr);
        }

        [Fact]
        public async Task Remove_forgets_the_saved_credential()
        {
            await _workspace.Cli.RunAsync(new[] { "credential", "set", "--provider", "ooto", "--app-id", "gone", "--key-stdin" }, Key + "\n");

            var remove = await _workspace.Cli.RunAsync("credential", "remove", "--provider", "ooto");
            var show = await _workspace.Cli.RunAsync("credential", "show", "--provider", "ooto");
            var again = await _workspace.Cli.RunAsync("credential", "remove", "--provider", "ooto");

            Assert.Equal(0, remove.ExitCode);
            Assert.Contains("Removed", remove.Stdout);
            Assert.DoesNotContain("gone", show.Stdout);
            Assert.Contains("No credential found", show.Stdout);
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("nothing to remove", again.Stdout);
        }

        [Fact]
        public async Task Providers_lists_all_three_and_names_the_default_with_its_reason()
        {
            var none = await _workspace.Cli.RunAsync("providers");
            await _workspace.Cli.RunAsync(new[] { "credential", "set", "--provider", "verihubs", "--app-id", "vh", "--key-stdin" }, OtherKey + "\n");
            var withVerihubs = await _workspace.Cli.RunAsync("providers");

            Assert.Equal(0, none.ExitCode);
            Assert.Matches(@"(?m)^local\s+\*", none.Stdout);
            Assert.Contains("https://api.verihubs.com", none.Stdout);
            Assert.Matches(@"(?m)^verihubs\s+\*\s+vh \(key …99aa, user\)", withVerihubs.Stdout);
            Assert.DoesNotContain(OtherKey, withVerihubs.AllOutput);
        }
    }
}
