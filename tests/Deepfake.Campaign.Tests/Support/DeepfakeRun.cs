namespace Deepfake.Campaign.Tests.Support;

/// <summary>What one <c>deepfake</c> process did: exit code, both streams, outcomes parsed from stdout, sampled peak RSS.</summary>
public sealed class DeepfakeRun
{
    public DeepfakeRun(int exitCode, string stdout, string stderr, double peakRssMb)
    {
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
        PeakRssMb = peakRssMb;
        Outcomes = Outcome.ParseLines(stdout);
    }

    public int ExitCode { get; }

    public string Stdout { get; }

    public string Stderr { get; }

    /// <summary>VmHWM from /proc, sampled while the process ran (a lower bound of the true peak; 0 where /proc is absent).</summary>
    public double PeakRssMb { get; }

    public IReadOnlyList<Outcome> Outcomes { get; }

    /// <summary>The one outcome for <paramref name="source"/>; fails when there is none or more than one.</summary>
    public Outcome For(string source)
    {
        var matches = Outcomes.Where(o => o.Source == source).ToList();
        Assert.True(matches.Count == 1, $"Expected exactly one outcome for '{source}', found {matches.Count}.\nstderr:\n{Tail(Stderr)}");
        return matches[0];
    }

    /// <summary>No crash, no key: what every campaign run must show whatever its inputs.</summary>
    public void AssertNoCrashAndNoKey()
    {
        Assert.DoesNotContain("internal error", Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Unhandled exception", Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal); // a stack trace
        Assert.True(ExitCode is 0 or 1 or 2, $"Exit code {ExitCode}.\nstderr:\n{Tail(Stderr)}");
        Secrets.AssertAbsent(Stdout, "stdout");
        Secrets.AssertAbsent(Stderr, "stderr");
    }

    public static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
