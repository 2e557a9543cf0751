using Deepfake;
using Deepfake.Cli.Output;
using Deepfake.Output;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Output
{
    /// <summary>
    /// The json and csv writers stream in input order: their text must be exactly what writing the whole sorted
    /// batch at the end produced (the writers before streaming), whatever order the items finish in.
    /// </summary>
    public sealed class OrderedWriterTests
    {
        private static readonly Func<DeepfakeResult>[] Samples =
        {
            SampleResults.OotoGenuine, SampleResults.LocalDeepfake, SampleResults.Rejected, SampleResults.Failed,
        };

        [Fact]
        public void Json_array_of_shuffled_results_is_byte_identical_to_the_whole_array_written_at_once()
        {
            var results = Batch(40);
            var expected = new StringWriter();
            ResultJson.WriteArray(expected, results.Select((r, i) => ResultRecord.From(r, i)));

            Assert.Equal(expected.ToString(), WriteShuffled(OutputFormat.Json, results, seed: 11));
        }

        [Fact]
        public void Csv_of_shuffled_results_is_byte_identical_to_the_rows_written_at_once()
        {
            var results = Batch(40);
            var expected = new StringWriter();
            ResultCsv.WriteHeader(expected);
            for (var i = 0; i < results.Count; i++)
            {
                ResultCsv.WriteRow(expected, results[i], i);
            }

            Assert.Equal(expected.ToString(), WriteShuffled(OutputFormat.Csv, results, seed: 11));
        }

        [Fact]
        public void Json_array_text_is_exact_for_empty_and_one_item_batches()
        {
            var empty = new StringWriter();
            ResultWriters.Create(OutputFormat.Json, empty, CheckKind.Verdict).Complete();
            Assert.Equal("[]" + Environment.NewLine, empty.ToString());

            var one = new StringWriter();
            var writer = ResultWriters.Create(OutputFormat.Json, one, CheckKind.Verdict);
            writer.Write(SampleResults.Failed(), 0);
            writer.Complete();
            var text = one.ToString();
            var nl = Environment.NewLine;
            Assert.StartsWith("[" + nl + "  {" + nl + "    \"index\": 0," + nl + "    \"source\": \"/photos/missing.jpg\",", text);
            Assert.EndsWith(nl + "  }" + nl + "]" + nl, text);
        }

        [Fact]
        public void Json_elements_are_written_as_soon_as_their_predecessors_are()
        {
            var stdout = new StringWriter();
            var writer = ResultWriters.Create(OutputFormat.Json, stdout, CheckKind.Verdict);

            writer.Write(SampleResults.Rejected(), 1);
            Assert.Equal(string.Empty, stdout.ToString());
            writer.Write(SampleResults.OotoGenuine(), 0);
            var afterBoth = stdout.ToString();
            Assert.Contains("/photos/alice.jpg", afterBoth);
            Assert.Contains("/photos/empty.jpg", afterBoth);
            Assert.False(afterBoth.TrimEnd().EndsWith(']'));

            // Index 2 has not finished: 3 waits for it.
            writer.Write(SampleResults.Failed(), 3);
            Assert.Equal(afterBoth, stdout.ToString());

            writer.Write(SampleResults.LocalDeepfake(), 2);
            writer.Complete();
            Assert.StartsWith(afterBoth, stdout.ToString());
            using var doc = System.Text.Json.JsonDocument.Parse(stdout.ToString());
            Assert.Equal(new long[] { 0, 1, 2, 3 }, doc.RootElement.EnumerateArray().Select(e => e.GetProperty("index").GetInt64()));
        }

        [Fact]
        public void Csv_rows_are_written_as_soon_as_their_predecessors_are_after_the_header()
        {
            var stdout = new StringWriter();
            var writer = ResultWriters.Create(OutputFormat.Csv, stdout, CheckKind.Verdict);

            writer.Write(SampleResults.Failed(), 2);
            writer.Write(SampleResults.Rejected(), 1);
            Assert.Equal(string.Empty, stdout.ToString());

            writer.Write(SampleResults.OotoGenuine(), 0);
            var records = Csv.ParseRecords(stdout.ToString());
            Assert.Equal(new[] { "0", "1", "2" }, records.Select(r => r["index"]));
            Assert.StartsWith(string.Join(",", ResultCsv.Columns) + "\r\n", stdout.ToString());
        }

        private static List<DeepfakeResult> Batch(int count) =>
            Enumerable.Range(0, count).Select(i => Samples[i % Samples.Length]()).ToList();

        private static string WriteShuffled(OutputFormat format, IReadOnlyList<DeepfakeResult> results, int seed)
        {
            var stdout = new StringWriter();
            var writer = ResultWriters.Create(format, stdout, CheckKind.Verdict);
            var arrivals = Enumerable.Range(0, results.Count).ToArray();
            new Random(seed).Shuffle(arrivals);
            foreach (var index in arrivals)
            {
                writer.Write(results[index], index);
            }

            writer.Complete();
            return stdout.ToString();
        }
    }
}
