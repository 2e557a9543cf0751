using System.Text.Json;
using Deepfake.Cli.Output;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Output
{
    public sealed class ResultWriterTests
    {
        [Fact]
        public void Json_array_is_in_input_order()
        {
            var stdout = new StringWriter();
            var writer = ResultWriters.Create(OutputFormat.Json, stdout, CheckKind.Verdict);

            writer.Write(SampleResults.Failed(), 2);
            writer.Write(SampleResults.OotoGenuine(), 0);
            writer.Write(SampleResults.Rejected(), 1);
            writer.Complete();

            using var doc = JsonDocument.Parse(stdout.ToString());
            Assert.Equal(new long[] { 0, 1, 2 }, doc.RootElement.EnumerateArray().Select(e => e.GetProperty("index").GetInt64()));
        }

        [Fact]
        public void Json_lines_are_written_as_items_finish()
        {
            var stdout = new StringWriter();
            var writer = ResultWriters.Create(OutputFormat.Jsonl, stdout, CheckKind.Verdict);

            writer.Write(SampleResults.Failed(), 1);
            var afterFirst = stdout.ToString();
            writer.Write(SampleResults.OotoGenuine(), 0);
            writer.Complete();

            Assert.EndsWith("\n", afterFirst);
            var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Equal(1, JsonDocument.Parse(lines[0]).RootElement.GetProperty("index").GetInt64());
            Assert.Equal("genuine", JsonDocument.Parse(lines[1]).RootElement.GetProperty("status").GetString());
        }

        [Fact]
        public void Csv_has_a_header_even_without_rows_and_rows_in_input_order()
        {
            var empty = new StringWriter();
            ResultWriters.Create(OutputFormat.Csv, empty, CheckKind.Verdict).Complete();
            Assert.Single(Csv.Parse(empty.ToString()));

            var stdout = new StringWriter();
            var writer = ResultWriters.Create(OutputFormat.Csv, stdout, CheckKind.Verdict);
            writer.Write(SampleResults.Rejected(), 1);
            writer.Write(SampleResults.OotoGenuine(), 0);
            writer.Complete();
            Assert.Equal(new[] { "0", "1" }, Csv.ParseRecords(stdout.ToString()).Select(r => r["index"]));
        }

        [Fact]
        public void Table_aligns_columns_in_input_order_and_ends_with_a_summary()
        {
            var stdout = new StringWriter();
            var writer = ResultWriters.Create(OutputFormat.Table, stdout, CheckKind.Verdict);
            writer.Write(SampleResults.Rejected(), 2);
            writer.Write(SampleResults.LocalDeepfake(), 1);
            writer.Write(SampleResults.OotoGenuine(), 0);
            writer.Complete();

            var lines = stdout.ToString().Split('\n');
            Assert.StartsWith("STATUS", lines[0]);
            var sourceColumn = lines[0].IndexOf("SOURCE", StringComparison.Ordinal);
            Assert.Equal("/photos/alice.jpg", lines[1].Substring(sourceColumn).Split("  ")[0]);
            Assert.StartsWith("genuine", lines[1]);
            Assert.Contains("0.9731", lines[1]);
            Assert.StartsWith("deepfake", lines[2]);
            Assert.Contains("IPTC.DigitalSourceType: trainedAlgorithmicMedia (+1 more)", lines[2]);
            Assert.StartsWith("rejected", lines[3]);
            Assert.Equal("/photos/empty.jpg", lines[3].Substring(sourceColumn).Split("  ")[0]);
            // The message's line break must not split the row.
            Assert.Contains("NoFace: No face was detected. Try a frontal photo.", lines[3]);
            Assert.Equal("3 items: 1 genuine, 1 deepfake, 1 rejected.", lines[5]);
        }

        [Fact]
        public void Quality_table_leads_with_the_quality_judgement()
        {
            var stdout = new StringWriter();
            var writer = ResultWriters.Create(OutputFormat.Table, stdout, CheckKind.Quality);
            writer.Write(SampleResults.OotoGenuine(), 0);
            writer.Complete();

            var lines = stdout.ToString().Split('\n');
            Assert.StartsWith("QUALITY", lines[0]);
            Assert.StartsWith("poor", lines[1]);
            Assert.Contains("failed: exposure", lines[1]);
        }

        [Fact]
        public void Terminal_text_loses_escape_sequences_and_line_breaks()
        {
            Assert.Equal(" [31mred  x", ConsoleText.Clean("\u001b[31mred\r\nx"));
            Assert.Equal(string.Empty, ConsoleText.Clean(null));
        }

        [Fact]
        public void Default_format_is_a_table_on_a_terminal_and_json_lines_when_redirected()
        {
            Assert.Equal(OutputFormat.Table, ResultWriters.DefaultFor(stdoutIsTerminal: true));
            Assert.Equal(OutputFormat.Jsonl, ResultWriters.DefaultFor(stdoutIsTerminal: false));
        }
    }
}
