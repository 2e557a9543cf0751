using System.IO;
using Deepfake.Batch;
using Deepfake.Configuration;
using Deepfake.Credentials;
using Deepfake.Diagnostics;
using Deepfake.Local;
using Deepfake.Providers;
using Deepfake.Sandbox;
using Deepfake.Tests.Batch;
using Deepfake.Sessions;

namespace Deepfake.Tests.Sessions;

public sealed class ProviderSessionTests : IAsyncLifetime, IDisposable
{
    private const string AppKey = "session-test-key-7f3a9c21";
    private readonly string _configDirectory = Directory.CreateTempSubdirectory("deepfake-session-").FullName;
    private readonly Dictionary<string, string> _variables = new();
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public void Dispose() => Directory.Delete(_configDirectory, recursive: true);

    private DeepfakeEnvironment Environment =>
        new(name => _variables.TryGetValue(name, out var value) ? value : null, _configDirectory);

    private ProviderSession Open(ProviderRequest request) =>
        ProviderSession.Open(request, new CredentialStore(Environment), new DeepfakeSettings(Environment));

    [Fact]
    public void Without_any_vendor_credential_the_offline_provider_is_chosen_and_says_why()
    {
        using var session = Open(new ProviderRequest());

        Assert.Equal(ProviderKind.Local, session.Kind);
        Assert.IsType<LocalProvider>(session.Provider);
        Assert.Null(session.Credential);
        Assert.Contains(Drain(session.Diagnostics), m => m.Contains("no vendor credential is configured"));
    }

    [Fact]
    public void A_vendor_asked_for_without_a_credential_is_refused_with_what_to_do()
    {
        var error = Assert.Throws<DeepfakeException>(() => Open(new ProviderRequest { Provider = ProviderKind.Ooto }));

        Assert.Equal(DeepfakeErrorCode.Unauthorized, error.ErrorCode);
        Assert.Contains("DEEPFAKE_OOTO_APP_ID", error.Message);
    }

    [Fact]
    public async Task A_credential_in_the_environment_picks_the_vendor_and_checks_over_loopback_without_leaking_the_key()
    {
        _variables["DEEPFAKE_VERIHUBS_APP_ID"] = "app-42";
        _variables["DEEPFAKE_VERIHUBS_API_KEY"] = AppKey;
        _variables["DEEPFAKE_VERIHUBS_ENDPOINT"] = _sandbox.BaseAddress.ToString();

        using var session = Open(new ProviderRequest { MaxConcurrency = 2 });
        using var batch = session.StartBatch(CheckOptions.Default);
        var sink = new RecordingSink();
        batch.Add(DeepfakeInput.FromFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "astronaut.jpg")));
        batch.Add(DeepfakeInput.FromFile(Path.Combine(_configDirectory, "missing.jpg")));
        BatchPump.Drain(batch, sink, wait: true);

        Assert.Equal(ProviderKind.Verihubs, session.Kind);
        Assert.Equal(CredentialSource.Environment, session.Credential!.Source);
        Assert.Equal(DeepfakeStatus.Genuine, Assert.Single(sink.Results).Result.Status);
        Assert.Equal(DeepfakeErrorCode.FileNotFound, Assert.Single(sink.Failures).Result.ErrorCode);
        Assert.Equal(1, _sandbox.Stats.RequestCount("verihubs"));
        Assert.Contains(sink.Diagnostics, d => d.Message.Contains("DEEPFAKE_VERIHUBS_ENDPOINT"));
        Assert.DoesNotContain(sink.Diagnostics, d => d.Message.Contains(AppKey));
    }

    [Fact]
    public void An_explicit_endpoint_and_credential_win_over_the_environment()
    {
        _variables["DEEPFAKE_OOTO_APP_ID"] = "env-app";
        _variables["DEEPFAKE_OOTO_APP_KEY"] = "env-key-123456";
        _variables["DEEPFAKE_OOTO_ENDPOINT"] = "http://127.0.0.1:1/";

        using var session = Open(new ProviderRequest
        {
            Provider = ProviderKind.Ooto,
            Endpoint = _sandbox.BaseAddress,
            Credential = new ProviderCredential("explicit-app", AppKey),
        });

        Assert.Equal(CredentialSource.Explicit, session.Credential!.Source);
        Assert.Equal(SettingSource.Explicit, session.Endpoint!.Source);
        Assert.StartsWith(_sandbox.BaseAddress.ToString(), session.Provider.Info.Endpoint!.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(BatchOptions.MaxMaxConcurrency + 1)]
    public void Concurrency_out_of_range_is_refused(int concurrency)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProviderRequest { MaxConcurrency = concurrency });
    }

    private static List<string> Drain(DiagnosticQueue queue)
    {
        var messages = new List<string>();
        while (queue.TryRead(out _, out var message)) messages.Add(message);
        return messages;
    }
}
