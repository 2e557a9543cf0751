using System.Collections.Concurrent;
using Deepfake.Credentials;
using Deepfake.Diagnostics;
using Deepfake.Ooto;
using Deepfake.Tests.Resilience;
using Deepfake.Verihubs;

namespace Deepfake.Tests.Http;

/// <summary>Providers wired to a <see cref="ScriptedHandler"/> and a fake clock, for unit tests of edge cases.</summary>
public sealed class StubProviders
{
    public const string AppId = "app-4711";
    public const string Key = "k3y-NEVER-print-me-9f2c";

    public ScriptedHandler Handler { get; } = new();

    public FakeTimeProvider Time { get; init; } = new() { AutoAdvanceBelow = TimeSpan.FromMinutes(1) };

    public ConcurrentQueue<(DiagnosticLevel Level, string Message)> Diagnostics { get; } = new();

    public string DiagnosticText => string.Join("\n", Diagnostics.Select(d => d.Level + " " + d.Message));

    internal OotoProvider Ooto(Action<OotoOptions>? configure = null)
    {
        var options = new OotoOptions();
        Configure(options);
        configure?.Invoke(options);
        return new OotoProvider(options, Handler, () => 0.5);
    }

    internal VerihubsProvider Verihubs(Action<VerihubsOptions>? configure = null)
    {
        var options = new VerihubsOptions();
        Configure(options);
        configure?.Invoke(options);
        return new VerihubsProvider(options, Handler, () => 0.5);
    }

    private void Configure(Deepfake.Http.HttpProviderOptions options)
    {
        options.BaseUrl = new Uri("http://vendor.test/");
        options.Credential = new ProviderCredential(AppId, Key);
        options.TimeProvider = Time;
        options.TotalTimeout = TimeSpan.FromHours(2);
        options.AttemptTimeout = TimeSpan.FromMinutes(30);
        options.Diagnostics = (level, message) => Diagnostics.Enqueue((level, message));
    }
}
