using System.Globalization;
using System.Net;
using System.Text.Json;
using Deepfake.Sandbox.Tests.Support;

namespace Deepfake.Sandbox.Tests.Vendors;

public sealed class VerihubsEndpointTests : SandboxTestBase
{
    private static readonly string[] BoxFields = ["TopLeftX", "TopLeftY", "BottomRightX", "BottomRightY", "Width", "Height"];
    private static readonly string[] LandmarkFields = ["LeftEyeX", "LeftEyeY", "RightEyeX", "RightEyeY", "NoseX", "NoseY", "MouthLeftX", "MouthLeftY", "MouthRightX", "MouthRightY"];

    [Fact]
    public async Task Unmarked_photo_is_authentic_with_the_documented_shape()
    {
        var reply = await Http.VerihubsAsync(Server, TestImages.Jpeg);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var root = reply.Json;
        Assert.Equal("Request Success", root.GetProperty("message").GetString());
        Assert.True(Guid.TryParse(root.GetProperty("session_id").GetString(), out _));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("timestamp").ValueKind);
        Assert.Equal("FACE-3", root.GetProperty("status_code").GetString());
        Assert.Equal("0", root.GetProperty("rotation").GetString());
        Assert.Equal(1, root.GetProperty("nface").GetInt32());
        Assert.False(root.GetProperty("deepfake").GetBoolean());
        Assert.False(root.TryGetProperty("image_quality", out _));
        Assert.False(root.TryGetProperty("attributes", out _));
        Assert.False(root.TryGetProperty("error_code", out _));

        var box = root.GetProperty("bounding_box");
        var numbers = BoxFields.ToDictionary(f => f, f => double.Parse(box.GetProperty(f).GetString()!, CultureInfo.InvariantCulture));
        Assert.True(numbers["TopLeftX"] >= 0 && numbers["TopLeftY"] >= 0 && numbers["BottomRightX"] <= 512 && numbers["BottomRightY"] <= 512);
        Assert.Equal(numbers["BottomRightX"] - numbers["TopLeftX"], numbers["Width"], 6);
        Assert.Equal(numbers["BottomRightY"] - numbers["TopLeftY"], numbers["Height"], 6);
        var landmark = root.GetProperty("face_landmark");
        foreach (var field in LandmarkFields)
        {
            var value = double.Parse(landmark.GetProperty(field).GetString()!, CultureInfo.InvariantCulture);
            Assert.InRange(value, field.EndsWith('X') ? numbers["TopLeftX"] : numbers["TopLeftY"], field.EndsWith('X') ? numbers["BottomRightX"] : numbers["BottomRightY"]);
        }
    }

    [Fact]
    public async Task Quality_and_attributes_appear_only_when_asked()
    {
        var root = (await Http.VerihubsAsync(Server, TestImages.Png, isQuality: true, isAttribute: true)).Json;

        var quality = root.GetProperty("image_quality");
        Assert.False(quality.GetProperty("blur").GetBoolean());
        Assert.False(quality.GetProperty("dark").GetBoolean());
        var attributes = root.GetProperty("attributes");
        foreach (var name in new[] { "sunglasses_on", "mask_on", "veil_on", "hat_on", "face_blocker" })
        {
            Assert.False(attributes.GetProperty(name).GetBoolean(), name);
        }
    }

    [Fact]
    public async Task Deepfake_marker_says_deepfake_true()
    {
        var reply = await Http.VerihubsAsync(Server, TestImages.JpegWith("outcome=deepfake"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(reply.Json.GetProperty("deepfake").GetBoolean());
    }

    [Fact]
    public async Task Multiface_marker_reports_two_faces()
    {
        var reply = await Http.VerihubsAsync(Server, TestImages.JpegWith("outcome=multiface"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(2, reply.Json.GetProperty("nface").GetInt32());
    }

    [Fact]
    public async Task Lowquality_and_attribute_markers_set_flags_without_validation()
    {
        var root = (await Http.VerihubsAsync(Server, TestImages.JpegWith("outcome=lowquality;outcome=attribute"), isQuality: true, isAttribute: true)).Json;

        Assert.True(root.GetProperty("image_quality").GetProperty("blur").GetBoolean());
        Assert.True(root.GetProperty("image_quality").GetProperty("dark").GetBoolean());
        Assert.True(root.GetProperty("attributes").GetProperty("sunglasses_on").GetBoolean());
        Assert.False(root.TryGetProperty("error_code", out _));
    }

    [Theory]
    [InlineData("outcome=attribute", "FAIL_ON_2")]
    [InlineData("outcome=lowquality", "FAIL_ON_4")]
    [InlineData("outcome=attribute;outcome=lowquality", "FAIL_ON_6")]
    public async Task Failed_validation_is_200_with_full_body_and_error_code(string directives, string code)
    {
        var reply = await Http.VerihubsAsync(Server, TestImages.JpegWith(directives), isQuality: true, isAttribute: true, validateQuality: true, validateAttribute: true);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var root = reply.Json;
        Assert.Equal(code, root.GetProperty("error_code").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("bounding_box").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("face_landmark").ValueKind);
        Assert.Equal(JsonValueKind.False, root.GetProperty("deepfake").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("image_quality").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("attributes").ValueKind);
    }

    [Fact]
    public async Task Validation_passes_when_the_image_is_clean()
    {
        var reply = await Http.VerihubsAsync(Server, TestImages.Jpeg, isQuality: true, isAttribute: true, validateQuality: true, validateAttribute: true);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.False(reply.Json.TryGetProperty("error_code", out _));
    }

    [Theory]
    [InlineData(false, true, false, false, "INVALID_PAYLOAD_QUALITY_VALIDATION_DEPENDENCY")]
    [InlineData(true, false, false, true, "INVALID_PAYLOAD_ATTRIBUTE_VALIDATION_DEPENDENCY")]
    public async Task Validation_without_its_computation_is_a_dependency_error(bool isQuality, bool validateQuality, bool isAttribute, bool validateAttribute, string code)
    {
        var reply = await Http.VerihubsAsync(Server, TestImages.Jpeg, isQuality, isAttribute, validateQuality, validateAttribute);

        AssertError(reply, HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"image\":\"abc\",\"is_quality\":\"yes\"}")]
    public async Task Empty_or_non_object_payload_is_invalid_payload(string body)
    {
        AssertError(await Http.VerihubsAsync(Server, body), HttpStatusCode.BadRequest, "INVALID_PAYLOAD");
    }

    [Fact]
    public async Task Malformed_json_is_a_syntax_error()
    {
        var reply = await Http.VerihubsAsync(Server, "{\"image\": ");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Invalid Payload", reply.Json.GetProperty("message").GetString());
        Assert.Equal("Syntax error", reply.Json.GetProperty("data").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{\"is_quality\":true}")]
    [InlineData("{\"image\":null}")]
    public async Task Absent_image_is_missing_payload_image(string body)
    {
        AssertError(await Http.VerihubsAsync(Server, body), HttpStatusCode.BadRequest, "MISSING_PAYLOAD_IMAGE");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("R0lGODlhAQABAAAAACw=")] // valid base64 of a GIF: neither JPEG nor PNG
    [InlineData("http://example.com/face.jpg")] // not a loopback host: refused, never fetched
    public async Task Bad_image_strings_are_image_missing(string image)
    {
        AssertError(await Http.VerihubsAsync(Server, VendorCalls.Payload(image)), HttpStatusCode.BadRequest, "INVALID_PAYLOAD_IMAGE_MISSING");
    }

    [Fact]
    public async Task Data_uri_prefix_is_accepted()
    {
        var reply = await Http.VerihubsAsync(Server, VendorCalls.Payload("data:image/jpeg;base64," + Convert.ToBase64String(TestImages.Jpeg)));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task Image_over_5_MB_is_image_size_and_exactly_5_MB_is_accepted()
    {
        var atLimit = TestImages.JpegPaddedTo(SandboxOptions.DefaultVerihubsMaxBytes);
        var overLimit = TestImages.JpegPaddedTo(SandboxOptions.DefaultVerihubsMaxBytes + 1);
        Assert.Equal(SandboxOptions.DefaultVerihubsMaxBytes, atLimit.Length);

        AssertError(await Http.VerihubsAsync(Server, overLimit), HttpStatusCode.BadRequest, "INVALID_PAYLOAD_IMAGE_SIZE");
        Assert.Equal(HttpStatusCode.OK, (await Http.VerihubsAsync(Server, atLimit)).Status);
    }

    [Theory]
    [InlineData("outcome=noface")]
    [InlineData("outcome=toosmall")]
    public async Task No_usable_face_is_face_not_detected(string directives)
    {
        var reply = await Http.VerihubsAsync(Server, TestImages.JpegWith(directives));

        AssertError(reply, HttpStatusCode.BadRequest, "FACE_NOT_DETECTED");
        Assert.Equal("Face not detected in image", reply.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Tiny_image_is_face_not_detected()
    {
        AssertError(await Http.VerihubsAsync(Server, TestImages.TinyPng(20, 20)), HttpStatusCode.BadRequest, "FACE_NOT_DETECTED");
    }

    [Fact]
    public async Task Undecodable_images_are_image_missing()
    {
        AssertError(await Http.VerihubsAsync(Server, TestImages.JpegWith("outcome=undecodable")), HttpStatusCode.BadRequest, "INVALID_PAYLOAD_IMAGE_MISSING");
        AssertError(await Http.VerihubsAsync(Server, TestImages.JpegWithoutEnd()), HttpStatusCode.BadRequest, "INVALID_PAYLOAD_IMAGE_MISSING");
    }

    [Fact]
    public async Task Code7_marker_is_internal_server_error_with_message_only()
    {
        var reply = await Http.VerihubsAsync(Server, TestImages.JpegWith("outcome=code7"));

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("Internal server error", reply.Json.GetProperty("message").GetString());
        Assert.Single(reply.Json.EnumerateObject());
    }

    [Theory]
    [InlineData(null, "k")]
    [InlineData("a", null)]
    [InlineData(" ", "k")]
    public async Task Missing_credentials_are_401_authorization_failed(string? id, string? key)
    {
        var reply = await Http.VerihubsAsync(Server, VendorCalls.Payload(Convert.ToBase64String(TestImages.Jpeg)), id, key);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("Authorization failed", reply.Json.GetProperty("message").GetString());
        Assert.Single(reply.Json.EnumerateObject());
    }

    private static void AssertError(Reply reply, HttpStatusCode status, string code)
    {
        Assert.Equal(status, reply.Status);
        Assert.Equal(code, reply.Json.GetProperty("error_code").GetString());
        Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("message").GetString()));
    }
}
