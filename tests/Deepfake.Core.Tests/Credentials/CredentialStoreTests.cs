using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Deepfake.Credentials;
using Deepfake.Providers;

namespace Deepfake.Tests.Credentials;

public sealed class CredentialStoreTests : IDisposable
{
    private const string SecretKey = "sk-live-0123456789abcdefSECRET";
    private readonly TempConfig _config = new();

    public void Dispose() => _config.Dispose();

    private CredentialStore NewStore() => new(_config.Environment);

    [Theory]
    [InlineData(true, true, true, true, CredentialSource.Explicit)]
    [InlineData(false, true, true, true, CredentialSource.Session)]
    [InlineData(false, false, true, true, CredentialSource.Environment)]
    [InlineData(false, false, false, true, CredentialSource.User)]
    [InlineData(true, false, false, false, CredentialSource.Explicit)]
    [InlineData(false, true, false, true, CredentialSource.Session)]
    [InlineData(false, false, true, false, CredentialSource.Environment)]
    public void The_first_credential_by_precedence_wins(bool explicitOne, bool session, bool environment, bool user, CredentialSource expected)
    {
        var store = NewStore();
        if (session) store.Set(ProviderKind.Ooto, new ProviderCredential("session-id", "session-key"), CredentialScope.Session);
        if (environment)
        {
            _config.Variables["DEEPFAKE_OOTO_APP_ID"] = "environment-id";
            _config.Variables["DEEPFAKE_OOTO_APP_KEY"] = "environment-key";
        }

        if (user) store.Set(ProviderKind.Ooto, new ProviderCredential("user-id", "user-key"), CredentialScope.User);
        var given = explicitOne ? new ProviderCredential("explicit-id", "explicit-key") : null;

        var found = store.Find(ProviderKind.Ooto, given)!;

        Assert.Equal(expected, found.Source);
        Assert.Equal(expected.ToString().ToLowerInvariant() + "-id", found.Credential.AppId);
        Assert.Equal(expected.ToString().ToLowerInvariant() + "-key", found.Credential.Key);
    }

    [Fact]
    public void Nothing_configured_finds_nothing_and_Require_says_how_to_set_one()
    {
        var store = NewStore();

        Assert.Null(store.Find(ProviderKind.Verihubs));
        var error = Assert.Throws<DeepfakeException>(() => store.Require(ProviderKind.Verihubs));
        Assert.Equal(DeepfakeErrorCode.Unauthorized, error.ErrorCode);
        Assert.Contains("DEEPFAKE_VERIHUBS_API_KEY", error.Message);
        Assert.Empty(store.List());
    }

    [Theory]
    [InlineData("DEEPFAKE_OOTO_APP_ID", "DEEPFAKE_OOTO_APP_KEY", ProviderKind.Ooto)]
    [InlineData("DEEPFAKE_VERIHUBS_API_KEY", "DEEPFAKE_VERIHUBS_APP_ID", ProviderKind.Verihubs)]
    public void Half_an_environment_pair_is_a_clear_error_not_silently_skipped(string set, string missing, ProviderKind provider)
    {
        var store = NewStore();
        store.Set(provider, new ProviderCredential("user-id", "user-key"), CredentialScope.User);
        _config.Variables[set] = SecretKey;

        var error = Assert.Throws<DeepfakeException>(() => store.Find(provider));

        Assert.Contains(set, error.Message);
        Assert.Contains(missing, error.Message);
        Assert.DoesNotContain(SecretKey, error.Message);
        var listed = store.List().Single(c => c.Source == CredentialSource.Environment);
        Assert.NotNull(listed.Problem);
        Assert.False(listed.IsActive);
    }

    [Fact]
    public void A_user_credential_is_seen_by_another_store_on_the_same_directory_and_a_session_one_is_not()
    {
        NewStore().Set(ProviderKind.Verihubs, new ProviderCredential("app-1", SecretKey), CredentialScope.User);
        NewStore().Set(ProviderKind.Ooto, new ProviderCredential("app-2", SecretKey), CredentialScope.Session);

        var other = NewStore();
        var found = other.Find(ProviderKind.Verihubs)!;

        Assert.Equal(CredentialSource.User, found.Source);
        Assert.Equal(SecretKey, found.Credential.Key);
        Assert.Equal(Path.Combine(_config.Directory, "credentials.json"), found.Location);
        Assert.Null(other.Find(ProviderKind.Ooto));
    }

    [UnixFileModesFact]
    [UnsupportedOSPlatform("windows")]
    public void The_user_file_is_owner_only_in_an_owner_only_directory()
    {

        NewStore().Set(ProviderKind.Ooto, new ProviderCredential("app", SecretKey), CredentialScope.User);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_config.Directory, "credentials.json")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_config.Directory));
    }

    [UnixFileModesFact]
    [UnsupportedOSPlatform("windows")]
    public void A_user_file_others_can_read_is_refused_and_setting_a_key_again_repairs_it()
    {
        var store = NewStore();
        store.Set(ProviderKind.Ooto, new ProviderCredential("app", SecretKey), CredentialScope.User);
        var path = Path.Combine(_config.Directory, "credentials.json");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Assert.Throws<DeepfakeException>(() => store.Find(ProviderKind.Ooto));
        Assert.Equal(DeepfakeErrorCode.AccessDenied, error.ErrorCode);
        Assert.Contains("chmod 600", error.Message);
        Assert.Contains(store.List(), c => c.Problem == error.Message);

        store.Set(ProviderKind.Ooto, new ProviderCredential("app", SecretKey), CredentialScope.User);
        Assert.Equal(CredentialSource.User, store.Find(ProviderKind.Ooto)!.Source);
    }

    [Fact]
    public void Saving_replaces_the_file_by_rename_so_a_reader_never_sees_half_of_it()
    {
        var store = NewStore();
        store.Set(ProviderKind.Ooto, new ProviderCredential("first", SecretKey), CredentialScope.User);
        var path = Path.Combine(_config.Directory, "credentials.json");
        using var before = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        store.Set(ProviderKind.Verihubs, new ProviderCredential("second", SecretKey), CredentialScope.User);

        // The old file is intact behind the open handle: the new one was written beside it and renamed over it.
        var old = new StreamReader(before).ReadToEnd();
        Assert.Contains("first", old);
        Assert.DoesNotContain("second", old);
        Assert.Contains("second", File.ReadAllText(path));
        Assert.Equal(new[] { "credentials.json" }, Directory.GetFiles(_config.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Remove_forgets_a_credential_in_one_scope_only()
    {
        var store = NewStore();
        store.Set(ProviderKind.Ooto, new ProviderCredential("session", "k1"), CredentialScope.Session);
        store.Set(ProviderKind.Ooto, new ProviderCredential("user", "k2"), CredentialScope.User);
        store.Set(ProviderKind.Verihubs, new ProviderCredential("vh", "k3"), CredentialScope.User);

        Assert.True(store.Remove(ProviderKind.Ooto, CredentialScope.Session));
        Assert.Equal("user", store.Find(ProviderKind.Ooto)!.Credential.AppId);
        Assert.True(store.Remove(ProviderKind.Ooto, CredentialScope.User));
        Assert.False(store.Remove(ProviderKind.Ooto, CredentialScope.User));
        Assert.Null(store.Find(ProviderKind.Ooto));
        Assert.Equal("vh", store.Find(ProviderKind.Verihubs)!.Credential.AppId);
    }

    [Fact]
    public void List_shows_every_credential_by_precedence_with_the_active_one_marked_and_never_a_key()
    {
        var store = NewStore();
        store.Set(ProviderKind.Ooto, new ProviderCredential("session-id", SecretKey), CredentialScope.Session);
        store.Set(ProviderKind.Ooto, new ProviderCredential("user-id", SecretKey + "2"), CredentialScope.User);
        _config.Variables["DEEPFAKE_VERIHUBS_APP_ID"] = "env-id";
        _config.Variables["DEEPFAKE_VERIHUBS_API_KEY"] = SecretKey + "3";

        var list = store.List();

        Assert.Equal(
            new[] { (ProviderKind.Ooto, CredentialSource.Session, true), (ProviderKind.Ooto, CredentialSource.User, false), (ProviderKind.Verihubs, CredentialSource.Environment, true) },
            list.Select(c => (c.Provider, c.Source, c.IsActive)));
        Assert.Equal(new[] { "session-id", "user-id", "env-id" }, list.Select(c => c.AppId));
        Assert.Equal("…CRET", list[0].KeyHint);
        var text = string.Join("\n", list.Select(c => c.ToString() + c.KeyHint + c.Location))
            + store.Find(ProviderKind.Ooto) + store.Find(ProviderKind.Verihubs);
        Assert.DoesNotContain(SecretKey, text);
    }

    [Fact]
    public void A_corrupt_file_is_reported_with_its_path_and_line_and_without_its_content()
    {
        Directory.CreateDirectory(_config.Directory);
        var path = Path.Combine(_config.Directory, "credentials.json");
        File.WriteAllText(path, "{\n \"credentials\": { \"Ooto\": { \"appId\": \"a\", \"key\": \"" + SecretKey + "\" ");
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<DeepfakeException>(() => NewStore().Find(ProviderKind.Ooto));

        Assert.Contains(path, error.Message);
        Assert.Contains("line", error.Message);
        Assert.DoesNotContain(SecretKey, error.ToString());
    }

    [Fact]
    public void The_local_provider_has_no_credential()
    {
        Assert.Throws<ArgumentException>(() => NewStore().Set(ProviderKind.Local, new ProviderCredential("a", "b"), CredentialScope.Session));
    }
}
