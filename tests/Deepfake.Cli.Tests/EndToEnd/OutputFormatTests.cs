using System.Text.Json;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.EndToEnd
{
    /// <summary>Each output format, written by the built executable checking real files against the sandbox over loopback.</summary>
    public sealed class OutputFormatTests : IAsyncLifetime
    {
        private readonly Workspace _workspace = new();
        private VendorSandbox _sandbox = null!;
        private string[] _inputs = null!;

        public async Task InitializeAsync()
        {
            _sandbox = await VendorSandbox.StartAsync();
            _inputs = new[]
            {
                _workspace.Photo("genuine.jpg", "outcome=genuine"),
                _workspace.Photo("fake.jpg", "outcome=deepfake"),
                _workspace.Photo("noface.jpg", "outcome=noface"),
            };
            VendorSandbox.WithOotoKey(_workspace.Cli);
        }

        public async Task DisposeAsync()
        {
            await _sandbox.DisposeAsync();
            _workspace.Dispose();
        }

        private Task<CliRun> Check(string format) =>
            _workspace.Cli.RunAsync(new[] { "check", "--provider", "ooto", "--endpoint", _sandbox.BaseUrl, "--format", format }.Concat(_inputs).ToArray());

        [Fact]
        public async Task Jsonl_gives_one_object_per_input_with_the_contract_fields()
        {
            var run = await Check("jsonl");

            Assert.Equal(2, run.ExitCode);
            var items = Jsonl.Parse(run.Stdout);
            Assert.Equal(3, items.Count);
            var genuine = items.For("genuine.jpg");
            Assert.Equal("Ooto", genuine.Str("provider"));
            Assert.Equal("genuine", genuine.Str("status"));
            Assert.False(genuine.GetProperty("isDeepfake").GetBoolean());
            Assert.InRange(genuine.GetProperty("score").GetDouble(), 0, 1);
            Assert.Null(genuine.Str("errorCode"));
            Assert.True(genuine.GetProperty("face").GetProperty("box").GetProperty("width").GetDouble() > 0);
            Assert.True(genuine.GetProperty("face").GetProperty("landmarks").GetArrayLength() > 0);
            Assert.Equal(JsonValueKind.Object, genuine.GetProperty("quality").ValueKind);
            Assert.Equal(1, genuine.GetProperty("attempts").GetInt32());
            Assert.True(genuine.GetProperty("elapsedMs").GetDouble() > 0);
            foreach (var field in new[] { "threshold", "providerCode", "message", "transactionId", "attributes", "evidence" })
            {
                Assert.True(genuine.TryGetProperty(field, out _), field);
            }

            var fake = items.For("fake.jpg");
            Assert.Equal("deepfake", fake.Str("status"));
            Assert.True(fake.GetProperty("isDeepfake").GetBoolean());

            var noface = items.For("noface.jpg");
            Assert.Equal("rejected", noface.Str("status"));
            Assert.Equal("NoFace", noface.Str("errorCode"));
            Assert.False(string.IsNullOrEmpty(noface.Str("providerCode")));
            Assert.False(string.IsNullOrEmpty(noface.Str("message")));
            Assert.Equal(new long[] { 0, 1, 2 }, items.Select(i => i.GetProperty("index").GetInt64()).OrderBy(i => i));
        }

        [Fact]
        public async Task Json_is_one_array_in_input_order()
        {
            var run = await Check("json");

            Assert.Equal(2, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Stdout);
            var items = doc.RootElement.EnumerateArray().ToList();
            Assert.Equal(_inputs, items.Select(i => i.Str("source")));
            Assert.Equal(new[] { "genuine", "deepfake", "rejected" }, items.Select(i => i.Str("status")));
        }

        [Fact]
        public async Task Csv_has_a_header_and_one_row_per_input_in_input_order()
        {
            var run = await Check("csv");

            Assert.Equal(2, run.ExitCode);
            var rows = Csv.ParseRecords(run.Stdout);
            Assert.Equal(_inputs, rows.Select(r => r["source"]));
            Assert.Equal(new[] { "genuine", "deepfake", "rejected" }, rows.Select(r => r["status"]));
            Assert.Equal("NoFace", rows[2]["errorCode"]);
            Assert.Equal("true", rows[1]["isDeepfake"]);
            Assert.True(double.Parse(rows[0]["faceWidth"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        }

        [Fact]
        public async Task Table_is_aligned_text_with_a_summary()
        {
            var run = await Check("table");

            Assert.Equal(2, run.ExitCode);
            var lines = run.StdoutLines;
            Assert.StartsWith("STATUS", lines[0]);
            Assert.StartsWith("genuine", lines[1]);
            Assert.StartsWith("deepfake", lines[2]);
            Assert.StartsWith("rejected", lines[3]);
            Assert.Contains("NoFace", lines[3]);
            Assert.Equal("3 items: 1 genuine, 1 deepfake, 1 rejected.", lines[^1]);
        }

        [Fact]
        public async Task Piped_output_defaults_to_jsonl_and_stderr_stays_silent()
        {
            var run = await _workspace.Cli.RunAsync(new[] { "check", "--provider", "ooto", "--endpoint", _sandbox.BaseUrl, _inputs[0], _inputs[1] });

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(2, Jsonl.Parse(run.Stdout).Count);
            Assert.Equal(string.Empty, run.Stderr);
        }
    }
}
