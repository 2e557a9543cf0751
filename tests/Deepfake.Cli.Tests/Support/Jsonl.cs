using System.Text.Json;

namespace Deepfake.Tests.Support
{
    public static class Jsonl
    {
        /// <summary>Each stdout line as a JSON object; fails if any line is not one.</summary>
        public static List<JsonElement> Parse(string stdout) =>
            stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
            {
                using var doc = JsonDocument.Parse(line);
                Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
                return doc.RootElement.Clone();
            }).ToList();

        public static string? Str(this JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

        /// <summary>The object whose source ends with <paramref name="fileName"/>; exactly one must.</summary>
        public static JsonElement For(this IEnumerable<JsonElement> items, string fileName) =>
            items.Single(i => i.Str("source")!.EndsWith(fileName, StringComparison.Ordinal));
    }
}
