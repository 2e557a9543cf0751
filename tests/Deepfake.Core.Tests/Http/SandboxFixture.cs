using System.Collections.Concurrent;
using System.IO;
using Deepfake.Credentials;
using Deepfake.Diagnostics;
using Deepfake.Http;
using Deepfake.Ooto;
using Deepfake.Sandbox;
using Deepfake.Tests.Resilience;
using Deepfake.Verihubs;

namespace Deepfake.Tests.Http;

/// <summary>
/// One sandbox per test class, over real loopback HTTP, with pinned keys so that the server checks the real key
/// arrives, and a directory of marked images it can also serve as URLs.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public const string OotoAppId = "ooto-app";
    public const string OotoKey = "ooto-KEY-do-not-print-71a3";
    public const string VerihubsAppId = "verihubs-app";
    public const string VerihubsKey = "verihubs-KEY-do-not-print-52c9";

    private readonly TestFiles _files = new();
    private int _nonce;

    public SandboxServer Server { get; private set; } = null!;

    public string ImageDirectory => _files.Directory;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions());
        Reset();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _files.Dispose();
    }

    /// <summary>Back to the defaults with zeroed counters; every test starts here.</summary>
    public void Reset()
    {
        var options = Server.Options;
        options.OotoAppId = OotoAppId;
        options.OotoAppKey = OotoKey;
        options.VerihubsAppId = VerihubsAppId;
        options.VerihubsApiKey = VerihubsKey;
        options.VerihubsQuota = null;
        options.VerihubsMaxBytes = SandboxOptions.DefaultVerihubsMaxBytes;
        options.UrlFetchTimeout = SandboxOptions.DefaultUrlFetchTimeout;
        options.Latency = TimeSpan.Zero;
        options.FaultRate = 0;
        options.ImageDirectory = _files.Directory;
        Server.Stats.Reset();
    }

    /// <summary>The shared photo with a marker (and a nonce, so fault counts never leak between tests).</summary>
    public string Image(string directives, bool png = false)
    {
        var nonce = Interlocked.Increment(ref _nonce);
        var source = png ? TestFiles.PngFixture : TestFiles.JpegFixture;
        var all = string.IsNullOrEmpty(directives) ? "nonce=" + nonce : directives + ";nonce=" + nonce;
        var name = "photo-" + nonce + (png ? ".png" : ".jpg");
        return _files.Write(name, SandboxImages.WithMarker(File.ReadAllBytes(source), all));
    }

    public string Write(string name, byte[] bytes) => _files.Write(name, bytes);

    public long VendorRequests => Server.Stats.RequestCount("ooto") + Server.Stats.RequestCount("verihubs");
}

/// <summary>A provider pointed at the sandbox, and what it said through diagnostics.</summary>
public sealed class SandboxClient
{
    public ConcurrentQueue<string> Diagnostics { get; } = new();

    /// <summary>Retry waits pass at once on this clock; the HTTP is real.</summary>
    public FakeTimeProvider Time { get; } = new() { AutoAdvanceBelow = TimeSpan.FromMinutes(1) };

    public string DiagnosticText => string.Join("\n", Diagnostics);

    internal OotoProvider Ooto(SandboxFixture sandbox, Action<OotoOptions>? configure = null, string key = SandboxFixture.OotoKey)
    {
        var options = new OotoOptions { Credential = new ProviderCredential(SandboxFixture.OotoAppId, key), DownloadTimeout = TimeSpan.FromMinutes(10) };
        Configure(options, sandbox);
        configure?.Invoke(options);
        return new OotoProvider(options);
    }

    internal VerihubsProvider Verihubs(SandboxFixture sandbox, Action<VerihubsOptions>? configure = null, string key = SandboxFixture.VerihubsKey)
    {
        var options = new VerihubsOptions { Credential = new ProviderCredential(SandboxFixture.VerihubsAppId, key) };
        Configure(options, sandbox);
        configure?.Invoke(options);
        return new VerihubsProvider(options);
    }

    private void Configure(HttpProviderOptions options, SandboxFixture sandbox)
    {
        options.BaseUrl = sandbox.Server.BaseAddress;
        // Timeouts stay above the fake clock's auto-advance, so only retry waits pass at once.
        options.TimeProvider = Time;
        options.TotalTimeout = TimeSpan.FromMinutes(20);
        options.AttemptTimeout = TimeSpan.FromMinutes(10);
        options.Diagnostics = (level, message) => Diagnostics.Enqueue(level + " " + message);
    }

    /// <summary>Fails when a key shows up in anything a person or a log could read.</summary>
    public void AssertNoKey(params object?[] alsoCheck)
    {
        var texts = alsoCheck.Select(o => o?.ToString() ?? string.Empty).Append(DiagnosticText);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(SandboxFixture.OotoKey, text);
            Assert.DoesNotContain(SandboxFixture.VerihubsKey, text);
        }
    }
}
