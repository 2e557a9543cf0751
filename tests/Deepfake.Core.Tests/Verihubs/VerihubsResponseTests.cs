using System.IO;
using Deepfake.Credentials;
using Deepfake.Http;
using Deepfake.Preflight;
using Deepfake.Tests.Http;
using Deepfake.Verihubs;

namespace Deepfake.Tests.Verihubs;

public sealed class VerihubsResponseTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:5080/v1/face/deepfake");

    internal static AttemptOutcome Read(int status, string body)
    {
        var image = PreparedImage.FromBytes(File.ReadAllBytes(TestFiles.JpegFixture), ImageFormat.Jpeg, "astronaut.jpg");
        var options = new CheckOptions { IncludeQuality = true, IncludeAttributes = true, ValidateQuality = true, ValidateAttributes = true };
        var call = new VerihubsCall("astronaut.jpg", Endpoint, image, new ProviderCredential("app", "secret-key-123"), options);
        return call.Interpret(new VendorExchange(status, body, null, null, null), new AttemptInfo(1, TimeSpan.FromMilliseconds(7)));
    }

    [Fact]
    public void The_pages_success_sample_fills_every_documented_field()
    {
        var body = TestFiles.ReadData("Verihubs/Data/success.json");

        var result = Read(200, body).Result!;

        Assert.Equal(DeepfakeStatus.Genuine, result.Status);
        Assert.False(result.IsDeepfake);
        Assert.Null(result.Score);
        Assert.Null(result.Threshold);
        Assert.Null(result.ErrorCode);
        Assert.Null(result.Message);
        Assert.Equal("189ea654-a342-4796-9015-dc8b6d84d8d9", result.TransactionId);
        Assert.Equal("FACE-3", result.ProviderStatus);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1675129190662), result.Timestamp);
        Assert.Equal(0, result.Rotation);
        Assert.Equal(1, result.FaceCount);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(body, result.RawResponse);
        Assert.Equal("Verihubs", result.Provider);

        var box = result.Face!.Box!;
        Assert.Equal(107.69689178466797, box.X);
        Assert.Equal(16.787113189697266, box.Y);
        Assert.Equal(36.68854522705078, box.Width);
        Assert.Equal(52.46162033081055, box.Height);
        Assert.Equal(
            new[] { ("LeftEye", 113.55226135253906, 37.215999603271484), ("RightEye", 130.2599639892578, 38.250545501708984), ("Nose", 118.09809112548828, 46.43742370605469), ("MouthLeft", 113.84989166259766, 56.04047775268555), ("MouthRight", 126.98597717285156, 56.930213928222656) },
            result.Face.Landmarks.Select(l => (l.Name!, l.X, l.Y)));
        Assert.Null(result.Quality);
        Assert.Null(result.Attributes);
    }

    [Fact]
    public void Real_numbers_an_integer_rotation_quality_and_attributes_are_read()
    {
        var body = """
            {"message":"Request Success","session_id":"s","timestamp":"1675129190.5","status_code":"FACE-3","rotation":90,
             "bounding_box":{"TopLeftX":10,"TopLeftY":20,"BottomRightX":40,"BottomRightY":60},
             "face_landmark":{"NoseX":1.5,"NoseY":2.5},
             "image_quality":{"blur":true,"dark":false},
             "attributes":{"sunglasses_on":true,"mask_on":false,"veil_on":false,"hat_on":true,"face_blocker":false},
             "nface":"2","deepfake":true}
            """;

        var result = Read(200, body).Result!;

        Assert.Equal(DeepfakeStatus.Deepfake, result.Status);
        Assert.True(result.IsDeepfake);
        Assert.Equal(90, result.Rotation);
        Assert.Equal(2, result.FaceCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1675129190500), result.Timestamp);
        Assert.Equal((10d, 20d, 30d, 40d), (result.Face!.Box!.X, result.Face.Box.Y, result.Face.Box.Width, result.Face.Box.Height));
        Assert.Equal("Nose", result.Face.Landmarks.Single().Name);
        Assert.Equal(new[] { "blur" }, result.Quality!.FailedChecks);
        Assert.True(result.Quality["dark"]!.Fine);
        Assert.Null(result.Quality["dark"]!.Value);
        Assert.Equal((true, false, false, true, false), (result.Attributes!.Sunglasses, result.Attributes.Mask, result.Attributes.Veil, result.Attributes.Hat, result.Attributes.FaceBlocker));
    }

    [Theory]
    [InlineData("FAIL_ON_2", DeepfakeErrorCode.AttributeRejected, new[] { "attribute validation: sunglasses" })]
    [InlineData("FAIL_ON_4", DeepfakeErrorCode.QualityRejected, new[] { "quality validation: blur" })]
    [InlineData("FAIL_ON_6", DeepfakeErrorCode.QualityRejected, new[] { "attribute validation: sunglasses", "quality validation: blur" })]
    public void Failed_validation_arrives_with_200_and_is_a_rejection_with_all_details(string code, DeepfakeErrorCode expected, string[] named)
    {
        var body = $$"""
            {"message":"Request Success","error_code":"{{code}}","session_id":"s-1","timestamp":1675129190.662234,"status_code":"FACE-3","rotation":"0",
             "bounding_box":{"TopLeftX":"1","TopLeftY":"2","Width":"3","Height":"4"},
             "image_quality":{"blur":true,"dark":false},"attributes":{"sunglasses_on":true,"mask_on":false,"veil_on":false,"hat_on":false,"face_blocker":false},
             "nface":1,"deepfake":false}
            """;

        var result = Read(200, body).Result!;

        Assert.Equal(DeepfakeStatus.Rejected, result.Status);
        Assert.Equal(expected, result.ErrorCode);
        Assert.Equal(code, result.ProviderCode);
        Assert.Equal("s-1", result.TransactionId);
        Assert.Equal("FACE-3", result.ProviderStatus);
        Assert.Equal(200, result.HttpStatus);
        Assert.NotNull(result.Face!.Box);
        Assert.NotNull(result.Quality);
        Assert.NotNull(result.Attributes);
        Assert.Equal(1, result.FaceCount);
        foreach (var part in named)
        {
            Assert.Contains(part, result.Message);
        }
    }

    [Theory]
    [InlineData(400, "INVALID_PAYLOAD", DeepfakeErrorCode.InvalidRequest)]
    [InlineData(400, "INVALID_PAYLOAD_IMAGE_MISSING", DeepfakeErrorCode.InvalidImage)]
    [InlineData(400, "INVALID_PAYLOAD_IMAGE_SIZE", DeepfakeErrorCode.ImageTooLarge)]
    [InlineData(400, "MISSING_PAYLOAD_IMAGE", DeepfakeErrorCode.InvalidRequest)]
    [InlineData(400, "INVALID_PAYLOAD_IMAGE_TIMEOUT", DeepfakeErrorCode.ImageUrlTimeout)]
    [InlineData(400, "FACE_NOT_DETECTED", DeepfakeErrorCode.NoFace)]
    [InlineData(400, "INVALID_PAYLOAD_QUALITY_VALIDATION_DEPENDENCY", DeepfakeErrorCode.InvalidRequest)]
    [InlineData(400, "INVALID_PAYLOAD_ATTRIBUTE_VALIDATION_DEPENDENCY", DeepfakeErrorCode.InvalidRequest)]
    [InlineData(403, "INSUFFICIENT_QUOTA_DEEPFAKE", DeepfakeErrorCode.QuotaExceeded)]
    [InlineData(500, "INTERNAL_SERVER_ERROR", DeepfakeErrorCode.ServerError)]
    [InlineData(400, "SOMETHING_NEW", DeepfakeErrorCode.InvalidRequest)]
    [InlineData(200, "SOMETHING_NEW", DeepfakeErrorCode.ProviderError)]
    public void Every_error_code_maps_and_keeps_the_code_and_message(int status, string code, DeepfakeErrorCode expected)
    {
        var body = $$"""{"message":"vendor says {{code}}","error_code":"{{code}}"}""";

        var error = Read(status, body).Error!;

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(code, error.ProviderCode);
        Assert.Contains("vendor says " + code, error.Message);
        Assert.Equal(status, error.HttpStatus);
    }

    [Theory]
    [InlineData("invalid-payload-400.json", 400, DeepfakeErrorCode.InvalidRequest, null, "Syntax error")]
    [InlineData("face-not-detected-400.json", 400, DeepfakeErrorCode.NoFace, "FACE_NOT_DETECTED", "Face not detected in image")]
    [InlineData("authorization-failed-401.json", 401, DeepfakeErrorCode.Unauthorized, null, "Authorization failed")]
    [InlineData("insufficient-quota-403.json", 403, DeepfakeErrorCode.QuotaExceeded, "INSUFFICIENT_QUOTA_DEEPFAKE", "Insufficient deepfake quota")]
    [InlineData("internal-server-error-500.json", 500, DeepfakeErrorCode.ServerError, null, "Internal server error")]
    public void The_pages_error_samples_map(string file, int status, DeepfakeErrorCode expected, string? providerCode, string said)
    {
        var error = Read(status, TestFiles.ReadData("Verihubs/Data/" + file)).Error!;

        Assert.Equal(expected, error.ErrorCode);
        Assert.Equal(providerCode, error.ProviderCode);
        Assert.Contains(said, error.Message);
    }

    [Theory]
    [InlineData(200, "not json")]
    [InlineData(200, "{\"message\":\"Request Success\"}")]
    [InlineData(200, "")]
    public void A_success_without_a_verdict_is_a_protocol_error(int status, string body)
    {
        var error = Read(status, body).Error!;

        Assert.Equal(DeepfakeErrorCode.ProtocolError, error.ErrorCode);
    }

    [Theory]
    [InlineData(413, DeepfakeErrorCode.ImageTooLarge)]
    [InlineData(429, DeepfakeErrorCode.RateLimited)]
    [InlineData(502, DeepfakeErrorCode.ServerError)]
    [InlineData(503, DeepfakeErrorCode.ServerError)]
    public void Undocumented_statuses_map_by_status(int status, DeepfakeErrorCode expected)
    {
        Assert.Equal(expected, Read(status, "<html>gateway</html>").Error!.ErrorCode);
    }
}
