using System.Collections.Concurrent;
using Deepfake.Sandbox.Markers;

namespace Deepfake.Sandbox.Faults;

/// <summary>
/// Decides which fault, if any, a vendor request gets: marker faults count attempts per route and exact bytes;
/// random faults draw from one seeded sequence shared by all requests (locked, since Random is not thread-safe).
/// </summary>
internal sealed class FaultInjector
{
    private readonly ConcurrentDictionary<(string Route, string Hash), long> _attempts = new();
    private readonly Random _random;
    private readonly object _randomLock = new();

    public FaultInjector(int seed) => _random = new Random(seed);

    public string? ForMarker(string route, string imageHash, SandboxMarker marker)
    {
        if (marker.Faults.Count == 0)
        {
            return null;
        }

        var attempt = _attempts.AddOrUpdate((route, imageHash), 1, static (_, n) => n + 1);
        return marker.FaultForAttempt(attempt);
    }

    public string? Random(double rate)
    {
        if (rate <= 0)
        {
            return null;
        }

        lock (_randomLock)
        {
            return _random.NextDouble() < rate ? FaultKinds.Random[_random.Next(FaultKinds.Random.Count)] : null;
        }
    }
}
