using System.Diagnostics;
using Deepfake.Providers;
using Deepfake.Tests.Http;
using Xunit.Abstractions;

namespace Deepfake.Tests.Providers;

/// <summary>One provider instance serving many concurrent checks over its pooled connections.</summary>
public sealed class ConcurrencySandboxTests : IClassFixture<SandboxFixture>
{
    private const int Checks = 96;
    private readonly SandboxFixture _sandbox;
    private readonly ITestOutputHelper _output;

    public ConcurrencySandboxTests(SandboxFixture sandbox, ITestOutputHelper output)
    {
        _sandbox = sandbox;
        _output = output;
        _sandbox.Reset();
    }

    [Theory]
    [InlineData(ProviderKind.Ooto)]
    [InlineData(ProviderKind.Verihubs)]
    public async Task Concurrent_checks_on_one_instance_each_get_their_own_answer(ProviderKind kind)
    {
        _sandbox.Server.Options.Latency = TimeSpan.FromMilliseconds(20);
        var client = new SandboxClient();
        using IDeepfakeProvider provider = kind == ProviderKind.Ooto
            ? client.Ooto(_sandbox, o => o.MaxConnections = 16)
            : client.Verihubs(_sandbox, o => o.MaxConnections = 16);
        var inputs = Enumerable.Range(0, Checks)
            .Select(i => (Path: _sandbox.Image(i % 3 == 0 ? "outcome=deepfake" : i % 3 == 1 ? "outcome=genuine" : "outcome=noface;fault=503:1"), Expected: (DeepfakeStatus)(i % 3 == 0 ? 1 : i % 3 == 1 ? 0 : 3)))
            .ToList();
        using var gate = new SemaphoreSlim(16);

        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(inputs.Select(async input =>
        {
            await gate.WaitAsync();
            try
            {
                return await provider.CheckAsync(DeepfakeInput.FromFile(input.Path), CheckOptions.Default);
            }
            finally
            {
                gate.Release();
            }
        }));
        watch.Stop();

        Assert.Equal(inputs.Select(i => (i.Path, i.Expected)), results.Select(r => (r.Source, r.Status)));
        Assert.Equal(Checks + Checks / 3, _sandbox.VendorRequests);
        _output.WriteLine($"{kind}: {Checks} checks (a third retried once), 16 at a time, 20 ms server latency: {watch.ElapsedMilliseconds} ms");
    }
}
