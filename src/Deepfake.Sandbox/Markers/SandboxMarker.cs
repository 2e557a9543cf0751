using System.Globalization;
using System.Text;

namespace Deepfake.Sandbox.Markers;

/// <summary>
/// The directives of the first <c>DFSANDBOX{d1;d2;...}</c> found in an image's bytes. Unknown directives are
/// ignored, so <c>nonce=anything</c> makes otherwise identical files distinct (fault counters key on bytes).
/// </summary>
internal sealed class SandboxMarker
{
    public const int DefaultSlowMilliseconds = 30_000;
    private const int MaxMarkerLength = 4096;

    public static SandboxMarker None { get; } = new();

    public IReadOnlySet<string> Outcomes { get; private init; } = new HashSet<string>();

    public IReadOnlyList<FaultStep> Faults { get; private init; } = [];

    public int LatencyMilliseconds { get; private init; }

    public int SlowMilliseconds { get; private init; } = DefaultSlowMilliseconds;

    public bool Has(string outcome) => Outcomes.Contains(outcome);

    /// <summary>The fault for the <paramref name="attempt"/>-th (1-based) request with these bytes, or null.</summary>
    public string? FaultForAttempt(long attempt)
    {
        long upTo = 0;
        foreach (var step in Faults)
        {
            upTo += step.Count;
            if (attempt <= upTo)
            {
                return step.Kind;
            }
        }

        return null;
    }

    public static SandboxMarker Find(ReadOnlySpan<byte> image)
    {
        var prefix = Encoding.ASCII.GetBytes(SandboxImages.MarkerPrefix);
        var start = image.IndexOf(prefix);
        if (start < 0)
        {
            return None;
        }

        var rest = image[(start + prefix.Length)..];
        var end = rest[..Math.Min(rest.Length, MaxMarkerLength)].IndexOf((byte)'}');
        return end < 0 ? None : Parse(Encoding.ASCII.GetString(rest[..end]));
    }

    public static SandboxMarker Parse(string directives)
    {
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        var faults = new List<FaultStep>();
        var latency = 0;
        var slow = DefaultSlowMilliseconds;
        foreach (var directive in directives.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = directive.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var key = directive[..eq].Trim().ToLowerInvariant();
            var value = directive[(eq + 1)..].Trim();
            switch (key)
            {
                case "outcome":
                    outcomes.Add(value.ToLowerInvariant());
                    break;
                case "fault" when TryParseFault(value, out var step):
                    faults.Add(step);
                    break;
                case "latency" when TryParseMilliseconds(value, out var ms):
                    latency = ms;
                    break;
                case "slowms" when TryParseMilliseconds(value, out var ms):
                    slow = ms;
                    break;
            }
        }

        return new SandboxMarker { Outcomes = outcomes, Faults = faults, LatencyMilliseconds = latency, SlowMilliseconds = slow };
    }

    private static bool TryParseFault(string value, out FaultStep step)
    {
        step = default;
        var colon = value.LastIndexOf(':');
        var kind = (colon < 0 ? value : value[..colon]).Trim().ToLowerInvariant();
        var count = 1;
        if (colon >= 0 && !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return false;
        }

        if (count <= 0 || !FaultKinds.All.Contains(kind))
        {
            return false;
        }

        step = new FaultStep(kind, count);
        return true;
    }

    private static bool TryParseMilliseconds(string value, out int ms) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ms);
}
