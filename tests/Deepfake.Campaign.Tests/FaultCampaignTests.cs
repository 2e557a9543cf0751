using System.Globalization;
using System.Text.Json;
using Deepfake.Campaign.Tests.Support;
using Deepfake.Sandbox;
using Xunit.Abstractions;

namespace Deepfake.Campaign.Tests;

/// <summary>
/// 2,000 images through the built CLI against a sandbox that fails one request in five at random (429 with
/// Retry-After, 503, connection reset, truncated body) plus marker-driven faults on every tenth image (503 bursts,
/// 500/502/504, malformed and truncated bodies, resets, bodies slower than --timeout). Nothing may be lost.
/// </summary>
public sealed class FaultCampaignTests(ITestOutputHelper output)
{
    public const int Items = 2000;
    private const int SmallItems = 250;

    /// <summary>Every fault here is transient and at most two deep, so eleven attempts get through (0.2^9 odds otherwise).</summary>
    private static readonly string[] MarkerFaults =
    [
        "fault=503:2",
        "fault=429:1",
        "fault=reset:2",
        "fault=malformed:1",
        "fault=truncated:1",
        "fault=500:1;fault=502:1",
        "fault=504:1",
        "fault=slow:1;slowms=5000",
    ];

    private static readonly string[] TransientArgs = ["--throttle", "16", "--timeout", "2", "--retries", "10"];

    [Fact]
    public async Task Every_item_ends_exactly_once_and_transient_faults_end_in_success()
    {
        using var workspace = new Workspace();
        var small = Path.Combine(workspace.Images, "part-0");
        for (var i = 0; i < Items; i++)
        {
            var part = i < SmallItems ? "part-0" : "part-1";
            var directives = i % 10 == 0 ? MarkerFaults[i / 10 % MarkerFaults.Length] : string.Empty;
            workspace.Photo(Path.Combine(part, "img-" + i.ToString("D4", CultureInfo.InvariantCulture) + ".jpg"), directives);
        }

        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { FaultRate = 0.2, Seed = 6 });
        var endpoint = sandbox.BaseAddress.ToString();

        var smallRun = await workspace.RunAsync(["check", "--provider", "ooto", "--endpoint", endpoint, .. TransientArgs, "--format", "jsonl", "--verbose", "--recurse", small]);
        AssertAllGenuineOnce(smallRun, Directory.GetFiles(small));
        sandbox.Stats.Reset();

        var run = await workspace.RunAsync(["check", "--provider", "ooto", "--endpoint", endpoint, .. TransientArgs, "--format", "jsonl", "--verbose", "--recurse", workspace.Images]);
        var files = Directory.GetFiles(workspace.Images, "*.jpg", SearchOption.AllDirectories);
        Assert.Equal(Items, files.Length);
        AssertAllGenuineOnce(run, files);

        var faults = sandbox.Stats.Faults;
        var attempts = run.Outcomes.Sum(o => o.Attempts);
        var requests = sandbox.Stats.RequestCount("ooto");
        Assert.True(faults.Values.Sum() >= Items / 10, "The sandbox injected fewer faults than the markers alone ask for: " + Json(faults));

        // The client's attempts are requests the sandbox saw. They can be a few fewer than the sandbox's count, never
        // more: .NET's handler resends by itself when a pooled connection turns out to be reset before any answer,
        // which Polly never sees. (Faults and failed requests are not one to one: a random "truncated" or "slow"
        // delivery fault can land on the same request as a marker fault.)
        Assert.True(requests >= attempts, $"The client counted {attempts} attempts but the sandbox saw only {requests} requests.");

        // Loose, not timed: the peak must not grow with the number of items (it holds at most --throttle images).
        Assert.True(run.PeakRssMb < 300, $"Peak RSS {run.PeakRssMb:F0} MB for {Items} items.");
        Assert.True(run.PeakRssMb < smallRun.PeakRssMb * 1.5 + 40, $"Peak RSS grew from {smallRun.PeakRssMb:F0} MB ({SmallItems} items) to {run.PeakRssMb:F0} MB ({Items} items).");
        workspace.AssertNoKeyInFiles();

        Report(new
        {
            items = Items,
            faultsInjected = faults,
            faultsTotal = faults.Values.Sum(),
            attempts,
            retries = attempts - Items,
            sandboxRequests = requests,
            outcomes = run.Outcomes.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count()),
            exitCode = run.ExitCode,
            peakRssMb = new Dictionary<string, double> { [SmallItems.ToString(CultureInfo.InvariantCulture)] = Math.Round(smallRun.PeakRssMb, 1), [Items.ToString(CultureInfo.InvariantCulture)] = Math.Round(run.PeakRssMb, 1) },
        });
    }

    [Fact]
    public async Task Faults_beyond_the_retry_budget_end_as_one_failure_each_with_the_last_cause()
    {
        using var workspace = new Workspace();
        var busy = workspace.Photo("busy.jpg", "fault=503:5");
        var throttled = workspace.Photo("throttled.jpg", "fault=429:5");
        var slow = workspace.Photo("slow.jpg", "fault=slow:5;slowms=8000");
        var reset = workspace.Photo("reset.jpg", "fault=reset:5");
        var fine = workspace.Photo("fine.jpg", "fault=503:2");
        await using var sandbox = await SandboxServer.StartAsync();

        var run = await workspace.RunAsync("check", "--provider", "ooto", "--endpoint", sandbox.BaseAddress.ToString(),
            "--retries", "2", "--timeout", "3", "--format", "jsonl", "--verbose", busy, throttled, slow, reset, fine);

        run.AssertNoCrashAndNoKey();
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(5, run.Outcomes.Count);
        AssertFailed(run.For(busy), "ServerError");
        AssertFailed(run.For(throttled), "RateLimited");
        AssertFailed(run.For(slow), "Timeout");
        AssertFailed(run.For(reset), "NetworkError");
        Assert.Equal("genuine", run.For(fine).Status);
        Assert.Equal(3, run.For(fine).Attempts);
        workspace.AssertNoKeyInFiles();
    }

    private static void AssertFailed(Outcome outcome, string code)
    {
        Assert.Equal("failed", outcome.Status);
        Assert.Equal(code, outcome.ErrorCode);
        Assert.Equal(3, outcome.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
    }

    private static void AssertAllGenuineOnce(DeepfakeRun run, IReadOnlyCollection<string> files)
    {
        run.AssertNoCrashAndNoKey();
        var notGenuine = run.Outcomes.Where(o => o.Status != "genuine").Take(5).Select(o => $"{o.Source}: {o.Status} {o.ErrorCode} after {o.Attempts} attempts: {o.Message}");
        Assert.True(run.ExitCode == 0, $"Exit code {run.ExitCode}; first outcomes not genuine:\n{string.Join("\n", notGenuine)}\nstderr:\n{DeepfakeRun.Tail(run.Stderr)}");
        Assert.Equal(files.Order(StringComparer.Ordinal), run.Outcomes.Select(o => o.Source).Order(StringComparer.Ordinal));
        Assert.All(run.Outcomes, o => Assert.Equal("genuine", o.Status));
    }

    private void Report(object figures)
    {
        var json = JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true });
        output.WriteLine(json);
        if (Environment.GetEnvironmentVariable("DEEPFAKE_CAMPAIGN_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, json);
        }
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
