using System.Text.Json;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    /// <summary>
    /// One batch mixing good photos, bad files and injected vendor faults: every input appears exactly once in the
    /// report, with the status and code it deserves, and no key appears anywhere even with --verbose.
    /// </summary>
    public sealed class MixedBatchTests : IAsyncLifetime
    {
        private readonly Workspace _workspace = new();
        private VendorSandbox _sandbox = null!;

        public async Task InitializeAsync() => _sandbox = await VendorSandbox.StartAsync(o => o.ImageDirectory = _workspace.Images);

        public async Task DisposeAsync()
        {
            await _sandbox.DisposeAsync();
            _workspace.Dispose();
        }

        [Fact]
        public async Task Every_input_appears_exactly_once_with_its_own_status()
        {
            var expected = new Dictionary<string, (string Status, string? Code)>
            {
                [_workspace.Photo("good-1.jpg", "outcome=genuine;nonce=1")] = ("genuine", null),
                [_workspace.Photo("good-2.jpg", "outcome=genuine;nonce=2")] = ("genuine", null),
                [_workspace.Photo("fake.jpg", "outcome=deepfake")] = ("deepfake", null),
                [_workspace.Photo("noface.jpg", "outcome=noface")] = ("rejected", "NoFace"),
                [_workspace.Photo("throttled.jpg", "outcome=genuine;fault=429:1")] = ("genuine", null),
                [_workspace.Photo("flaky.jpg", "outcome=genuine;fault=503:2")] = ("genuine", null),
                [_workspace.Photo("reset.jpg", "outcome=genuine;fault=reset:1")] = ("genuine", null),
                [_workspace.Photo("garbled.jpg", "outcome=genuine;fault=malformed:1")] = ("genuine", null),
                [_workspace.Photo("down.jpg", "outcome=genuine;fault=503:9")] = ("failed", "ServerError"),
                [_workspace.Write("empty.jpg", Array.Empty<byte>())] = ("rejected", "EmptyImage"),
                [_workspace.WriteText("notes.jpg", "this is text, renamed .jpg")] = ("rejected", "UnsupportedMediaType"),
                [Path.Combine(_workspace.Images, "missing.jpg")] = ("failed", "FileNotFound"),
                [_workspace.Subdirectory("folder")] = ("failed", "InvalidInput"),
                [_sandbox.Server.ImageUri("good-1.jpg").ToString()] = ("genuine", null),
            };
            File.Copy(Path.Combine(_workspace.Images, "good-1.jpg"), Path.Combine(_workspace.Images, "folder", "inside.jpg"));

            var run = await VendorSandbox.WithOotoKey(_workspace.Cli).RunAsync(
                new[] { "check", "--provider", "ooto", "--endpoint", _sandbox.BaseUrl, "--retries", "2", "--throttle", "4", "--verbose" }.Concat(expected.Keys).ToArray());

            Assert.Equal(2, run.ExitCode);
            var items = Jsonl.Parse(run.Stdout);
            Assert.Equal(expected.Count, items.Count);
            Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), items.Select(i => i.Str("source")!).OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(0, expected.Count).Select(i => (long)i), items.Select(i => i.GetProperty("index").GetInt64()).OrderBy(i => i));
            foreach (var item in items)
            {
                var (status, code) = expected[item.Str("source")!];
                Assert.True(status == item.Str("status"), item.Str("source") + ": expected " + status + ", got " + item.GetRawText());
                Assert.Equal(code, item.Str("errorCode"));
            }

            Assert.True(items.For("flaky.jpg").GetProperty("attempts").GetInt32() >= 3);
            Assert.True(items.For("throttled.jpg").GetProperty("attempts").GetInt32() >= 2);
            Assert.Contains("--recurse", items.For("folder").Str("message"));
            // The directory was not descended into without --recurse.
            Assert.DoesNotContain(items, i => i.Str("source")!.EndsWith("inside.jpg", StringComparison.Ordinal));
            // --verbose wrote diagnostics, and neither they nor anything else carry the key.
            Assert.Contains("verbose: ", run.Stderr);
            Assert.DoesNotContain(VendorSandbox.OotoKey, run.AllOutput);
            Assert.DoesNotContain(VendorSandbox.OotoKey, _workspace.AllWrittenText());
        }

        [Fact]
        public async Task Recurse_descends_into_directories()
        {
            var folder = _workspace.Subdirectory("tree");
            _workspace.Photo(Path.Combine("tree", "a.jpg"), "outcome=genuine;nonce=a");
            _workspace.Photo(Path.Combine("tree", "deep", "b.jpg"), "outcome=deepfake;nonce=b");
            _workspace.WriteText(Path.Combine("tree", "readme.txt"), "not an image, and not picked by extension");

            var run = await VendorSandbox.WithOotoKey(_workspace.Cli).RunAsync("check", "-p", "ooto", "--endpoint", _sandbox.BaseUrl, "--recurse", "--format", "json", folder);

            Assert.Equal(1, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Stdout);
            var sources = doc.RootElement.EnumerateArray().Select(i => Path.GetFileName(i.Str("source"))).OrderBy(s => s).ToList();
            Assert.Equal(new[] { "a.jpg", "b.jpg" }, sources);
        }

        [Fact]
        public async Task Verihubs_over_environment_variables_with_quality_and_attributes()
        {
            var photo = _workspace.Photo("vh.jpg", "outcome=genuine;outcome=lowquality");

            var run = await _sandbox.WithVerihubs(_workspace.Cli).RunAsync("check", "--provider", "verihubs", "--quality", "--attributes", "--verbose", photo);

            var item = Jsonl.Parse(run.Stdout).Single();
            Assert.Equal("Verihubs", item.Str("provider"));
            Assert.Equal("genuine", item.Str("status"));
            Assert.False(item.GetProperty("quality").GetProperty("acceptable").GetBoolean());
            Assert.Equal(JsonValueKind.Object, item.GetProperty("attributes").ValueKind);
            Assert.Equal(0, run.ExitCode);
            Assert.DoesNotContain(VendorSandbox.VerihubsKey, run.AllOutput);
        }
    }
}
