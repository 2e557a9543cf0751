using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace Deepfake.Sandbox;

/// <summary>
/// Thread-safe counters of what the sandbox saw and did. Dictionaries are snapshots taken when read.
/// Route keys are the <see cref="SandboxRoutes"/> names; fault keys are the <see cref="FaultKinds"/> names;
/// response keys are HTTP status codes of vendor routes only (a reset has no status and is counted only as a fault).
/// </summary>
public sealed class SandboxStats
{
    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _responses = new();
    private long _verihubsQuotaUsed;

    /// <summary>Requests received per route (<c>ooto</c>, <c>verihubs</c>, <c>images</c>, <c>redirect</c>, <c>redirect-loop</c>, <c>stream-forever</c>).</summary>
    [JsonPropertyName("requests")]
    public IReadOnlyDictionary<string, long> Requests => Snapshot(_requests);

    /// <summary>Faults injected per kind (marker and random alike): <c>429 500 502 503 504 reset malformed truncated slow</c>.</summary>
    [JsonPropertyName("faults")]
    public IReadOnlyDictionary<string, long> Faults => Snapshot(_faults);

    /// <summary>Vendor-route responses per HTTP status code.</summary>
    [JsonPropertyName("responses")]
    public IReadOnlyDictionary<int, long> Responses => new SortedDictionary<int, long>(_responses);

    /// <summary>Verihubs quota consumed so far (HTTP 200 answers).</summary>
    [JsonPropertyName("verihubsQuotaUsed")]
    public long VerihubsQuotaUsed => Interlocked.Read(ref _verihubsQuotaUsed);

    /// <summary>Total faults injected, all kinds.</summary>
    [JsonPropertyName("faultsTotal")]
    public long FaultsTotal => _faults.Values.Sum();

    public long RequestCount(string route) => _requests.TryGetValue(route, out var n) ? n : 0;

    public long FaultCount(string kind) => _faults.TryGetValue(kind, out var n) ? n : 0;

    public long ResponseCount(int status) => _responses.TryGetValue(status, out var n) ? n : 0;

    /// <summary>Clears every counter, including the Verihubs quota used.</summary>
    public void Reset()
    {
        _requests.Clear();
        _faults.Clear();
        _responses.Clear();
        Interlocked.Exchange(ref _verihubsQuotaUsed, 0);
    }

    internal void CountRequest(string route) => _requests.AddOrUpdate(route, 1, static (_, n) => n + 1);

    internal void CountFault(string kind) => _faults.AddOrUpdate(kind, 1, static (_, n) => n + 1);

    internal void CountResponse(int status) => _responses.AddOrUpdate(status, 1, static (_, n) => n + 1);

    /// <summary>Reserves one unit of quota; false when <paramref name="quota"/> is already used up.</summary>
    internal bool TryReserveQuota(int? quota)
    {
        while (true)
        {
            var used = Interlocked.Read(ref _verihubsQuotaUsed);
            if (quota is { } limit && used >= limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _verihubsQuotaUsed, used + 1, used) == used)
            {
                return true;
            }
        }
    }

    internal void ReleaseQuota() => Interlocked.Decrement(ref _verihubsQuotaUsed);

    private static SortedDictionary<string, long> Snapshot(ConcurrentDictionary<string, long> source) =>
        new(source, StringComparer.Ordinal);
}
