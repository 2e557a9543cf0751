using System.Net.Http;

namespace Deepfake.Sandbox.Tests.Support;

/// <summary>One sandbox per test class instance, on a free loopback port, with real HTTP calls.</summary>
public abstract class SandboxTestBase : IAsyncLifetime
{
    private SandboxServer? _server;

    protected SandboxServer Server => _server ?? throw new InvalidOperationException("Server not started.");

    internal HttpClient Http { get; } = VendorCalls.NewClient();

    protected virtual SandboxOptions CreateOptions() => new();

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(CreateOptions());

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
