using System.Text.Json;

namespace Deepfake.Campaign.Tests.Support;

/// <summary>One line of <c>deepfake check --format jsonl</c>: the fields the campaign asserts on.</summary>
public sealed record Outcome(string Source, string Status, string? ErrorCode, int Attempts, string? Message)
{
    public static IReadOnlyList<Outcome> ParseLines(string jsonl)
    {
        var outcomes = new List<Outcome>();
        foreach (var line in jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            outcomes.Add(new Outcome(
                root.GetProperty("source").GetString()!,
                root.GetProperty("status").GetString()!,
                root.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null,
                root.TryGetProperty("attempts", out var attempts) && attempts.ValueKind == JsonValueKind.Number ? attempts.GetInt32() : 0,
                root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null));
        }

        return outcomes;
    }
}
