using Deepfake.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Deepfake.Sandbox;

/// <summary>The sandbox hosted in-process on a free loopback port, for tests and benchmarks.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseAddress, SandboxOptions options, SandboxStats stats)
    {
        _app = app;
        BaseAddress = baseAddress;
        Options = options;
        Stats = stats;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>; clients append <c>api/v1.0/deepfake</c> or <c>v1/face/deepfake</c>.</summary>
    public Uri BaseAddress { get; }

    public SandboxStats Stats { get; }

    /// <summary>The live options: changes apply to the next request.</summary>
    public SandboxOptions Options { get; }

    /// <summary>The OOTO endpoint on this server.</summary>
    public Uri OotoEndpoint => new(BaseAddress, SandboxRoutes.OotoPath.TrimStart('/'));

    /// <summary>The Verihubs endpoint on this server.</summary>
    public Uri VerihubsEndpoint => new(BaseAddress, SandboxRoutes.VerihubsPath.TrimStart('/'));

    /// <summary>Where <c>/_sandbox/images/{name}</c> serves <paramref name="name"/> from.</summary>
    public Uri ImageUri(string name) => new(BaseAddress, "_sandbox/images/" + Uri.EscapeDataString(name));

    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SandboxOptions();
        var stats = new SandboxStats();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = SandboxApp.Build(builder, options, stats);
        try
        {
            await app.StartAsync(ct);
            var address = app.Urls.First();
            return new SandboxServer(app, new Uri(address.TrimEnd('/') + "/"), options, stats);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
