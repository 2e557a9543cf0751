using Deepfake.Providers;

namespace Deepfake.Tests.Batch;

/// <summary>A test double of the provider contract: each call runs <see cref="Behaviour"/>, and concurrency is measured.</summary>
internal sealed class FakeProvider : IDeepfakeProvider
{
    private readonly Func<DeepfakeInput, CancellationToken, Task<DeepfakeResult>> _behaviour;
    private int _inFlight;
    private int _maxInFlight;
    private int _calls;

    public FakeProvider(Func<DeepfakeInput, CancellationToken, Task<DeepfakeResult>> behaviour)
    {
        _behaviour = behaviour;
    }

    public ProviderInfo Info { get; } = new ProviderInfo { Kind = ProviderKind.Local };

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int InFlight => Volatile.Read(ref _inFlight);

    public int Calls => Volatile.Read(ref _calls);

    public static DeepfakeResult Genuine(DeepfakeInput input) =>
        new DeepfakeResult { Source = input.Source, Provider = "Local", Status = DeepfakeStatus.Genuine, IsDeepfake = false };

    public async Task<DeepfakeResult> CheckAsync(DeepfakeInput input, CheckOptions options, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            return await _behaviour(input, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public void Dispose()
    {
    }
}
