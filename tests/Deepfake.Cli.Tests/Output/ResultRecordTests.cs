using System.Text.Json;
using Deepfake.Output;

namespace Deepfake.Tests.Output
{
    public sealed class ResultRecordTests
    {
        [Fact]
        public void Json_line_has_the_contract_fields_in_camel_case()
        {
            var line = ResultJson.ToJsonLine(ResultRecord.From(SampleResults.OotoGenuine(), 7));

            Assert.DoesNotContain('\n', line);
            using var doc = JsonDocument.Parse(line);
            var o = doc.RootElement;
            Assert.Equal(7, o.GetProperty("index").GetInt64());
            Assert.Equal("/photos/alice.jpg", o.GetProperty("source").GetString());
            Assert.Equal("Ooto", o.GetProperty("provider").GetString());
            Assert.Equal("genuine", o.GetProperty("status").GetString());
            Assert.False(o.GetProperty("isDeepfake").GetBoolean());
            Assert.Equal(0.9731, o.GetProperty("score").GetDouble());
            Assert.Equal(0.9, o.GetProperty("threshold").GetDouble());
            Assert.Equal(JsonValueKind.Null, o.GetProperty("errorCode").ValueKind);
            Assert.Equal("tx-1", o.GetProperty("transactionId").GetString());
            var box = o.GetProperty("face").GetProperty("box");
            Assert.Equal(10, box.GetProperty("x").GetDouble());
            Assert.Equal(20, box.GetProperty("y").GetDouble());
            Assert.Equal(100, box.GetProperty("width").GetDouble());
            Assert.Equal(120.5, box.GetProperty("height").GetDouble());
            var landmarks = o.GetProperty("face").GetProperty("landmarks");
            Assert.Equal(2, landmarks.GetArrayLength());
            Assert.Equal("Nose", landmarks[1].GetProperty("name").GetString());
            Assert.Equal(55.5, landmarks[1].GetProperty("x").GetDouble());
            var quality = o.GetProperty("quality");
            Assert.False(quality.GetProperty("acceptable").GetBoolean());
            Assert.Equal("exposure", quality.GetProperty("failedChecks")[0].GetString());
            Assert.Equal(-2, quality.GetProperty("yaw").GetDouble());
            Assert.Equal(0.4, quality.GetProperty("metrics")[1].GetProperty("value").GetDouble());
            Assert.Equal(34, o.GetProperty("demography").GetProperty("age").GetInt32());
            Assert.Equal(0, o.GetProperty("evidence").GetArrayLength());
            Assert.Equal(2, o.GetProperty("attempts").GetInt32());
            Assert.Equal(123.4, o.GetProperty("elapsedMs").GetDouble());
            Assert.False(o.TryGetProperty("rawResponse", out _));
        }

        [Fact]
        public void Rejection_carries_the_core_code_by_name_and_the_vendor_code_as_text()
        {
            using var doc = JsonDocument.Parse(ResultJson.ToJsonLine(ResultRecord.From(SampleResults.Rejected())));
            var o = doc.RootElement;

            Assert.Equal("rejected", o.GetProperty("status").GetString());
            Assert.Equal("NoFace", o.GetProperty("errorCode").GetString());
            Assert.Equal("FACE_NOT_DETECTED", o.GetProperty("providerCode").GetString());
            Assert.Equal("No face was detected.\nTry a frontal photo.", o.GetProperty("message").GetString());
            Assert.Equal(JsonValueKind.Null, o.GetProperty("isDeepfake").ValueKind);
            Assert.Equal(JsonValueKind.Null, o.GetProperty("face").ValueKind);
            Assert.Equal(JsonValueKind.Null, o.GetProperty("index").ValueKind);
        }

        [Fact]
        public void Local_evidence_lists_kind_value_and_location()
        {
            using var doc = JsonDocument.Parse(ResultJson.ToJsonLine(ResultRecord.From(SampleResults.LocalDeepfake())));
            var evidence = doc.RootElement.GetProperty("evidence");

            Assert.Equal("deepfake", doc.RootElement.GetProperty("status").GetString());
            Assert.Equal(2, evidence.GetArrayLength());
            Assert.Equal("IPTC.DigitalSourceType", evidence[0].GetProperty("kind").GetString());
            Assert.Equal("trainedAlgorithmicMedia", evidence[0].GetProperty("value").GetString());
            Assert.Equal("PNG tEXt 'parameters'", evidence[1].GetProperty("location").GetString());
        }

        [Theory]
        [InlineData(DeepfakeStatus.Genuine, "genuine")]
        [InlineData(DeepfakeStatus.Deepfake, "deepfake")]
        [InlineData(DeepfakeStatus.Inconclusive, "inconclusive")]
        [InlineData(DeepfakeStatus.Rejected, "rejected")]
        [InlineData(DeepfakeStatus.Failed, "failed")]
        public void Status_words_are_lower_case(DeepfakeStatus status, string word) =>
            Assert.Equal(word, ResultRecord.StatusText(status));

        [Fact]
        public void Array_is_indented_json_in_the_order_given_and_keeps_non_ascii_readable()
        {
            var writer = new StringWriter();
            var records = new[]
            {
                ResultRecord.From(new DeepfakeResult { Source = "фото.jpg", Provider = "Local", Status = DeepfakeStatus.Inconclusive }, 0),
                ResultRecord.From(SampleResults.Failed(), 1),
            };

            ResultJson.WriteArray(writer, records);

            var text = writer.ToString();
            Assert.Contains("фото.jpg", text);
            using var doc = JsonDocument.Parse(text);
            Assert.Equal(2, doc.RootElement.GetArrayLength());
            Assert.Equal("failed", doc.RootElement[1].GetProperty("status").GetString());
            Assert.Equal("FileNotFound", doc.RootElement[1].GetProperty("errorCode").GetString());
        }
    }
}
