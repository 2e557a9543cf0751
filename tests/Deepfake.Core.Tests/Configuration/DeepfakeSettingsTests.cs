using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Deepfake.Configuration;
using Deepfake.Credentials;
using Deepfake.Providers;
using Deepfake.Tests.Credentials;

namespace Deepfake.Tests.Configuration;

public sealed class DeepfakeSettingsTests : IDisposable
{
    private readonly TempConfig _config = new();

    public void Dispose() => _config.Dispose();

    private DeepfakeSettings NewSettings() => new(_config.Environment);

    [Theory]
    [InlineData(true, true, true, true, SettingSource.Explicit)]
    [InlineData(false, true, true, true, SettingSource.Session)]
    [InlineData(false, false, true, true, SettingSource.Environment)]
    [InlineData(false, false, false, true, SettingSource.User)]
    [InlineData(false, false, false, false, SettingSource.BuiltIn)]
    [InlineData(false, true, false, false, SettingSource.Session)]
    public void An_endpoint_resolves_by_precedence_and_says_where_it_came_from(bool explicitOne, bool session, bool environment, bool user, SettingSource expected)
    {
        var settings = NewSettings();
        if (session) settings.SetEndpoint(ProviderKind.Verihubs, new Uri("http://session.test"), SettingScope.Session);
        if (environment) _config.Variables["DEEPFAKE_VERIHUBS_ENDPOINT"] = "http://environment.test";
        if (user) settings.SetEndpoint(ProviderKind.Verihubs, new Uri("http://user.test"), SettingScope.User);

        var resolved = settings.ResolveEndpoint(ProviderKind.Verihubs, explicitOne ? new Uri("http://explicit.test") : null);

        Assert.Equal(expected, resolved.Source);
        var host = expected == SettingSource.BuiltIn ? "api.verihubs.com" : expected.ToString().ToLowerInvariant() + ".test";
        Assert.Equal(host, resolved.Value.Host);
        Assert.Contains(resolved.Value.ToString(), resolved.Reason);
    }

    [Fact]
    public void The_production_endpoints_are_the_vendors_hosts()
    {
        var settings = NewSettings();

        Assert.Equal(new Uri("https://cloud.ooto-ai.com"), settings.ResolveEndpoint(ProviderKind.Ooto).Value);
        Assert.Equal(new Uri("https://api.verihubs.com"), settings.ResolveEndpoint(ProviderKind.Verihubs).Value);
        Assert.Throws<ArgumentException>(() => settings.ResolveEndpoint(ProviderKind.Local));
    }

    [Theory]
    [InlineData("cloud.ooto-ai.com")]
    [InlineData("/relative/path")]
    [InlineData("ftp://files.test/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:secret@api.test/")]
    public void Unusable_endpoints_are_refused_with_a_message_naming_where_they_came_from(string text)
    {
        _config.Variables["DEEPFAKE_OOTO_ENDPOINT"] = text;

        var error = Assert.Throws<DeepfakeException>(() => NewSettings().ResolveEndpoint(ProviderKind.Ooto));

        Assert.Equal(DeepfakeErrorCode.InvalidRequest, error.ErrorCode);
        Assert.Contains("DEEPFAKE_OOTO_ENDPOINT", error.Message);
        Assert.DoesNotContain("secret", error.Message);
        Assert.Throws<DeepfakeException>(() => DeepfakeSettings.ParseEndpoint(text, "--endpoint"));
    }

    [Fact]
    public void Endpoints_saved_for_the_user_are_read_back_by_another_instance_and_can_be_cleared()
    {
        NewSettings().SetEndpoint(ProviderKind.Ooto, new Uri("http://127.0.0.1:5080/"), SettingScope.User);

        var resolved = NewSettings().ResolveEndpoint(ProviderKind.Ooto);
        Assert.Equal(SettingSource.User, resolved.Source);
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), resolved.Value);
        Assert.Contains(Path.Combine(_config.Directory, "settings.json"), resolved.Reason);

        Assert.True(NewSettings().ClearEndpoint(ProviderKind.Ooto, SettingScope.User));
        Assert.Equal(SettingSource.BuiltIn, NewSettings().ResolveEndpoint(ProviderKind.Ooto).Source);
    }

    [Fact]
    public void The_default_provider_is_explicit_then_session_then_user_then_the_first_vendor_with_a_credential_then_local()
    {
        var settings = NewSettings();
        var credentials = new CredentialStore(_config.Environment);

        var local = settings.ResolveDefaultProvider(credentials);
        Assert.Equal((ProviderKind.Local, SettingSource.BuiltIn, "Local: no vendor credential is configured"), (local.Value, local.Source, local.Reason));

        _config.Variables["DEEPFAKE_VERIHUBS_APP_ID"] = "id";
        _config.Variables["DEEPFAKE_VERIHUBS_API_KEY"] = "key";
        var verihubs = settings.ResolveDefaultProvider(credentials);
        Assert.Equal((ProviderKind.Verihubs, SettingSource.Credential), (verihubs.Value, verihubs.Source));
        Assert.Contains("DEEPFAKE_VERIHUBS_APP_ID", verihubs.Reason);

        credentials.Set(ProviderKind.Ooto, new ProviderCredential("id", "key"), CredentialScope.User);
        Assert.Equal(ProviderKind.Ooto, settings.ResolveDefaultProvider(credentials).Value);

        settings.SetDefaultProvider(ProviderKind.Local, SettingScope.User);
        Assert.Equal((ProviderKind.Local, SettingSource.User), Pair(settings.ResolveDefaultProvider(credentials)));

        settings.SetDefaultProvider(ProviderKind.Verihubs, SettingScope.Session);
        Assert.Equal((ProviderKind.Verihubs, SettingSource.Session), Pair(settings.ResolveDefaultProvider(credentials)));

        Assert.Equal((ProviderKind.Ooto, SettingSource.Explicit), Pair(settings.ResolveDefaultProvider(credentials, ProviderKind.Ooto)));

        settings.SetDefaultProvider(null, SettingScope.Session);
        settings.SetDefaultProvider(null, SettingScope.User);
        Assert.Equal((ProviderKind.Ooto, SettingSource.Credential), Pair(settings.ResolveDefaultProvider(credentials)));
    }

    [Fact]
    public void A_corrupt_settings_file_is_named_in_the_error()
    {
        Directory.CreateDirectory(_config.Directory);
        var path = Path.Combine(_config.Directory, "settings.json");
        File.WriteAllText(path, "{ \"defaultProvider\": \"Acme\" }");

        var error = Assert.Throws<DeepfakeException>(() => NewSettings().ResolveEndpoint(ProviderKind.Ooto));

        Assert.Contains(path, error.Message);
        Assert.Contains("Acme", error.Message);
    }

    [Fact]
    public void The_settings_file_is_written_atomically()
    {
        NewSettings().SetDefaultProvider(ProviderKind.Ooto, SettingScope.User);
        NewSettings().SetEndpoint(ProviderKind.Ooto, new Uri("https://ooto.example"), SettingScope.User);

        Assert.Equal(new[] { "settings.json" }, Directory.GetFiles(_config.Directory).Select(Path.GetFileName));
        Assert.Equal(ProviderKind.Ooto, NewSettings().ResolveDefaultProvider(new CredentialStore(_config.Environment)).Value);
    }

    [UnixFileModesFact]
    [UnsupportedOSPlatform("windows")]
    public void The_settings_file_is_owner_only()
    {
        NewSettings().SetDefaultProvider(ProviderKind.Ooto, SettingScope.User);
        NewSettings().SetEndpoint(ProviderKind.Ooto, new Uri("https://ooto.example"), SettingScope.User);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_config.Directory, "settings.json")));
    }

    [Fact]
    public void The_config_directory_follows_the_documented_order()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
        var variables = new Dictionary<string, string> { ["HOME"] = "/home/ann" };
        var environment = new DeepfakeEnvironment(name => variables.TryGetValue(name, out var v) ? v : null);

        Assert.Equal("/home/ann/.config/deepfake", environment.ConfigDirectory);
        variables["XDG_CONFIG_HOME"] = "relative/ignored";
        Assert.Equal("/home/ann/.config/deepfake", environment.ConfigDirectory);
        variables["XDG_CONFIG_HOME"] = "/xdg";
        Assert.Equal("/xdg/deepfake", environment.ConfigDirectory);
        variables["DEEPFAKE_CONFIG_DIR"] = "/etc/df";
        Assert.Equal("/etc/df", environment.ConfigDirectory);
    }

    private static (ProviderKind, SettingSource) Pair(ResolvedSetting<ProviderKind> resolved) => (resolved.Value, resolved.Source);
}
