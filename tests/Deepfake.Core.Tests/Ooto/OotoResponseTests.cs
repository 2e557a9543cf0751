using System.IO;
using Deepfake.Credentials;
using Deepfake.Http;
using Deepfake.Ooto;
using Deepfake.Preflight;
using Deepfake.Tests.Http;

namespace Deepfake.Tests.Ooto;

public sealed class OotoResponseTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:5080/api/v1.0/deepfake");

    internal static AttemptOutcome Read(int status, string body, double? threshold = null, Uri? location = null)
    {
        var image = PreparedImage.FromBytes(File.ReadAllBytes(TestFiles.JpegFixture), ImageFormat.Jpeg, "astronaut.jpg");
        var call = new OotoCall("astronaut.jpg", Endpoint, image, new ProviderCredential("app", "secret-key-123"), threshold);
        return call.Interpret(new VendorExchange(status, body, null, location, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)), new AttemptInfo(2, TimeSpan.FromMilliseconds(42)));
    }

    [Fact]
    public void The_pages_success_sample_fills_every_documented_field()
    {
        var body = TestFiles.ReadData("Ooto/Data/success.json");

        var result = Read(200, body).Result!;

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.False(result.IsDeepfake);
        Assert.Equal(0.9491408169269562, result.Score);
        Assert.Null(result.Threshold);
        Assert.Null(result.ErrorCode);
        Assert.Equal("2f679199-aafe-4b05-a722-728615b6aca2", result.TransactionId);
        Assert.Equal(1, result.FaceCount);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(42), result.Elapsed);
        Assert.Equal(body, result.RawResponse);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), result.Timestamp);
        Assert.Equal("Ooto", result.Provider);
        Assert.Equal("astronaut.jpg", result.Source);

        var box = result.Face!.Box!;
        Assert.Equal((655d, 1083d, 937d, 1210d), (box.X, box.Y, box.Width, box.Height));
        Assert.Equal(new[] { (912d, 1580d), (1344d, 1583d), (1125d, 1835d), (946d, 1996d), (1297d, 1999d) }, result.Face.Landmarks.Select(l => (l.X, l.Y)));

        var quality = result.Quality!;
        Assert.Equal(5.798101723194122, quality.Pitch);
        Assert.Equal(-2.267319895327091, quality.Yaw);
        Assert.Equal(-0.3308084886521101, quality.Roll);
        Assert.Equal(12, quality.Metrics.Count);
        Assert.Equal(0.7976967765996249, quality["uniformity"]!.Value);
        Assert.Equal(8.378465921055067e-9, quality["macroblocks"]!.Value);
        Assert.Equal(0.5999192595481873, quality["crfiqa"]!.Value);
        Assert.True(quality["rightEyeClosed"]!.Fine);
        Assert.Equal(new[] { "distortion" }, quality.FailedChecks);
        Assert.False(quality.IsAcceptable);

        Assert.Equal(59, result.Demography!.Age);
        Assert.Equal("male", result.Demography.Gender);
        Assert.Equal("latino hispanic", result.Demography.Race);
    }

    [Fact]
    public void Fine_false_is_a_deepfake()
    {
        var result = Read(200, """{"transactionId":"t","result":{"deepfake":{"score":0.12,"fine":false}}}""").Result!;

        Assert.Equal(DeepfakeStatus.Deepfake, result.Status);
        Assert.True(result.IsDeepfake);
        Assert.Equal(0.12, result.Score);
        Assert.Null(result.Face);
        Assert.Null(result.Quality);
    }

    [Theory]
    [InlineData(0.95, true, 0.9, DeepfakeStatus.Genuine)]
    [InlineData(0.95, true, 0.96, DeepfakeStatus.Deepfake)]
    [InlineData(0.5, false, 0.5, DeepfakeStatus.Genuine)]
    [InlineData(0.49, false, 0.3, DeepfakeStatus.Genuine)]
    public void A_callers_threshold_replaces_fine_and_is_reported(double score, bool fine, double threshold, DeepfakeStatus expected)
    {
        var body = "{\"result\":{\"deepfake\":{\"score\":" + score.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"fine\":" + (fine ? "true" : "false") + "}}}";

        var result = Read(200, body, threshold).Result!;

        Assert.Equal(expected, result.Status);
        Assert.Equal(threshold, result.Threshold);
    }

    [Fact]
    public void The_field_tables_box_as_corners_and_any_number_of_landmarks_are_read()
    {
        var landmarks = string.Join(",", Enumerable.Range(0, 68).Select(i => $"[{i},{i + 1}]"));
        var body = $$$"""{"result":{"deepfake":{"score":0.9,"fine":true},"box":[10,20,110,220],"landmarks":[{{{landmarks}}}]}}""";

        var face = Read(200, body).Result!.Face!;

        Assert.Equal((10d, 20d, 100d, 200d), (face.Box!.X, face.Box.Y, face.Box.Width, face.Box.Height));
        Assert.Equal(68, face.Landmarks.Count);
        Assert.Equal((67d, 68d), (face.Landmarks[67].X, face.Landmarks[67].Y));
    }

    [Fact]
    public void Landmarks_as_objects_and_numbers_as_strings_are_read()
    {
        var body = """{"result":{"deepfake":{"score":"0.91","fine":"true"},"box":{"x":"1","y":"2","w":"3","h":"4"},"landmarks":[{"x":5,"y":6}],"quality":{"pitch":"1.5","blur":{"score":"0.2","fine":false}}}}""";

        var result = Read(200, body).Result!;

        Assert.Equal(0.91, result.Score);
        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.Equal(4, result.Face!.Box!.Height);
        Assert.Equal(5, result.Face.Landmarks.Single().X);
        Assert.Equal(1.5, result.Quality!.Pitch);
        Assert.Equal(0.2, result.Quality["blur"]!.Value);
        Assert.Equal(new[] { "blur" }, result.Quality.FailedChecks);
    }

    [Fact]
    public void The_pages_error_sample_is_a_rejection_without_a_face()
    {
        var body = TestFiles.ReadData("Ooto/Data/error-code-5.json");

        var error = Read(400, body).Error!;

        Assert.Equal(DeepfakeErrorCode.NoFace, error.ErrorCode);
        Assert.Equal(DeepfakeStatus.Rejected, error.Status);
        Assert.Equal("5", error.ProviderCode);
        Assert.Equal("efb66e50-4c87-493d-b026-543dacdbe314", error.TransactionId);
        Assert.Equal(400, error.HttpStatus);
        Assert.Contains("can not detect face", error.Message);
        Assert.Contains("astronaut.jpg", error.Message);
        Assert.Equal(body, error.RawResponse);
    }

    [Theory]
    [InlineData(1, DeepfakeErrorCode.InvalidRequest)]
    [InlineData(2, DeepfakeErrorCode.UnsupportedMediaType)]
    [InlineData(3, DeepfakeErrorCode.EmptyImage)]
    [InlineData(4, DeepfakeErrorCode.InvalidImage)]
    [InlineData(5, DeepfakeErrorCode.NoFace)]
    [InlineData(6, DeepfakeErrorCode.MultipleFaces)]
    [InlineData(7, DeepfakeErrorCode.ProviderError)]
    [InlineData(8, DeepfakeErrorCode.ProviderError)]
    [InlineData(9, DeepfakeErrorCode.FaceTooSmall)]
    [InlineData(42, DeepfakeErrorCode.ProviderError)]
    public void Every_engine_code_maps_and_keeps_its_number_and_text(int code, DeepfakeErrorCode expected)
    {
        var body = $$$"""{"transactionId":"t-{{{code}}}","result":{"status":"error","code":{{{code}}},"info":"engine says {{{code}}}"}}""";

        var error = Read(400, body).Error!;

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.ProviderCode);
        Assert.Contains("engine says " + code, error.Message);
        Assert.Contains("code " + code, error.Message);
        Assert.Equal("t-" + code, error.TransactionId);
    }

    [Theory]
    [InlineData(401, "{}", DeepfakeErrorCode.Unauthorized)]
    [InlineData(403, "{\"message\":\"Forbidden\"}", DeepfakeErrorCode.Unauthorized)]
    [InlineData(403, "{\"error_code\":\"QUOTA_EXCEEDED\"}", DeepfakeErrorCode.QuotaExceeded)]
    [InlineData(413, "<html>too big</html>", DeepfakeErrorCode.ImageTooLarge)]
    [InlineData(429, "", DeepfakeErrorCode.RateLimited)]
    [InlineData(500, "{\"message\":\"boom\"}", DeepfakeErrorCode.ServerError)]
    [InlineData(502, "<html>bad gateway</html>", DeepfakeErrorCode.ServerError)]
    [InlineData(503, "", DeepfakeErrorCode.ServerError)]
    [InlineData(504, "", DeepfakeErrorCode.ServerError)]
    [InlineData(404, "not found", DeepfakeErrorCode.ProtocolError)]
    [InlineData(200, "{\"result\":", DeepfakeErrorCode.ProtocolError)]
    [InlineData(200, "<html>captive portal</html>", DeepfakeErrorCode.ProtocolError)]
    [InlineData(200, "{\"result\":{}}", DeepfakeErrorCode.ProtocolError)]
    [InlineData(400, "{\"unexpected\":true}", DeepfakeErrorCode.InvalidRequest)]
    public void Undocumented_answers_map_by_status(int status, string body, DeepfakeErrorCode expected)
    {
        var error = Read(status, body).Error!;

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(status, error.HttpStatus);
        Assert.Contains("Ooto", error.Message);
    }

    [Fact]
    public void A_redirect_is_not_followed_and_names_the_host()
    {
        var error = Read(302, "", location: new Uri("https://elsewhere.example/api")).Error!;

        Assert.Equal(DeepfakeErrorCode.ProtocolError, error.ErrorCode);
        Assert.Contains("elsewhere.example", error.Message);
    }
}
