using Deepfake.Output;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Output
{
    public sealed class ResultCsvTests
    {
        [Fact]
        public void Header_and_rows_have_the_same_columns_and_round_trip_through_a_strict_reader()
        {
            var writer = new StringWriter();
            ResultCsv.WriteHeader(writer);
            ResultCsv.WriteRow(writer, SampleResults.OotoGenuine(), 0);
            ResultCsv.WriteRow(writer, SampleResults.LocalDeepfake(), 1);
            ResultCsv.WriteRow(writer, SampleResults.Rejected(), 2);

            var rows = Csv.ParseRecords(writer.ToString());

            Assert.Equal(3, rows.Count);
            Assert.Equal(ResultCsv.Columns, Csv.Parse(writer.ToString())[0]);
            var ooto = rows[0];
            Assert.Equal("0", ooto["index"]);
            Assert.Equal("genuine", ooto["status"]);
            Assert.Equal("false", ooto["isDeepfake"]);
            Assert.Equal("0.9731", ooto["score"]);
            Assert.Equal("10", ooto["faceX"]);
            Assert.Equal("120.5", ooto["faceHeight"]);
            Assert.Equal("40,60; Nose=55.5,80", ooto["landmarks"]);
            Assert.Equal("false", ooto["qualityAcceptable"]);
            Assert.Equal("exposure", ooto["qualityFailedChecks"]);
            Assert.Equal("123.4", ooto["elapsedMs"]);
            Assert.Equal("2", ooto["attempts"]);

            var local = rows[1];
            Assert.Equal("samples/generated, \"quoted\".png", local["source"]);
            Assert.Equal("deepfake", local["status"]);
            Assert.Equal("", local["score"]);
            Assert.StartsWith("IPTC.DigitalSourceType: trainedAlgorithmicMedia (XMP); ", local["evidence"]);

            var rejected = rows[2];
            Assert.Equal("NoFace", rejected["errorCode"]);
            Assert.Equal("FACE_NOT_DETECTED", rejected["providerCode"]);
            Assert.Equal("No face was detected.\nTry a frontal photo.", rejected["message"]);
        }

        [Theory]
        [InlineData("plain", "plain")]
        [InlineData("a,b", "\"a,b\"")]
        [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
        [InlineData(" padded", "\" padded\"")]
        [InlineData("two\nlines", "\"two\nlines\"")]
        [InlineData("", "")]
        public void Fields_are_quoted_only_when_needed(string value, string expected)
        {
            var line = new System.Text.StringBuilder();
            ResultCsv.AppendField(line, value);
            Assert.Equal(expected, line.ToString());
        }

        [Fact]
        public void Numbers_use_the_invariant_culture_whatever_the_thread_culture()
        {
            var previous = Thread.CurrentThread.CurrentCulture;
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            try
            {
                var writer = new StringWriter();
                ResultCsv.WriteRow(writer, SampleResults.OotoGenuine());
                Assert.Contains(",0.9731,0.9,", writer.ToString());
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = previous;
            }
        }
    }
}
