using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deepfake.Sandbox.Faults;
using Deepfake.Sandbox.Hosting;
using Deepfake.Sandbox.Images;
using Deepfake.Sandbox.Markers;
using Microsoft.AspNetCore.Http;

namespace Deepfake.Sandbox.Vendors;

/// <summary><c>POST /v1/face/deepfake</c> as the Verihubs page documents it.</summary>
internal static class VerihubsEndpoint
{
    public const string AppIdHeader = "App-ID";
    public const string ApiKeyHeader = "API-Key";

    public static async Task HandleAsync(HttpContext context, SandboxState state)
    {
        var gate = await VendorGate.EnterAsync(context, state, SandboxRoutes.Verihubs);
        if (gate is null)
        {
            return;
        }

        var options = state.Options;
        if (!Credentials.Accept(context.Request, AppIdHeader, ApiKeyHeader, options.VerihubsAppId, options.VerihubsApiKey))
        {
            await gate.WriteAsync(SandboxReply.Message(StatusCodes.Status401Unauthorized, "Authorization failed"));
            return;
        }

        if (!gate.TryReserveQuota())
        {
            await gate.WriteAsync(Error(StatusCodes.Status403Forbidden, "INSUFFICIENT_QUOTA_DEEPFAKE", "Insufficient deepfake quota"));
            return;
        }

        var (payload, payloadError) = await ReadPayloadAsync(context.Request, context.RequestAborted);
        if (payloadError is not null)
        {
            await gate.WriteAsync(payloadError);
            return;
        }

        var (image, imageError) = await ReadImageAsync(payload!, state, context.RequestAborted);
        if (image is null)
        {
            await gate.WriteAsync(imageError!);
            return;
        }

        var info = ImageInfo.Inspect(image);
        if (info.Format == ImageFormat.Unknown)
        {
            await gate.WriteAsync(ImageMissing());
            return;
        }

        var marker = SandboxMarker.Find(image);
        if (await gate.TryApplyMarkerAsync(marker, FaceAnalysis.HashHex(image)))
        {
            return;
        }

        await gate.WriteAsync(Answer(image, info, marker, payload!));
    }

    private static SandboxReply Answer(byte[] image, ImageInfo info, SandboxMarker marker, VerihubsPayload payload)
    {
        if (!info.Decodable || marker.Has(Outcomes.Undecodable))
        {
            return ImageMissing();
        }

        if (marker.Has(Outcomes.Code7))
        {
            return SandboxReply.Message(StatusCodes.Status500InternalServerError, "Internal server error");
        }

        if (marker.Has(Outcomes.NoFace) || marker.Has(Outcomes.TooSmall)
            || info.Width < SandboxOptions.MinimumFaceImageSide || info.Height < SandboxOptions.MinimumFaceImageSide)
        {
            return Error(StatusCodes.Status400BadRequest, "FACE_NOT_DETECTED", "Face not detected in image");
        }

        var face = FaceAnalysis.Analyze(image, info, marker);
        var body = Success(face, payload);
        var failOnAttribute = payload.ValidateAttribute && face.Attribute;
        var failOnQuality = payload.ValidateQuality && face.LowQuality;
        if (failOnAttribute || failOnQuality)
        {
            var (code, message) = (failOnAttribute, failOnQuality) switch
            {
                (true, true) => ("FAIL_ON_6", "fail on attribute and quality"),
                (true, false) => ("FAIL_ON_2", "fail on attribute"),
                _ => ("FAIL_ON_4", "fail on quality"),
            };
            body["message"] = message;
            body["error_code"] = code;
        }

        return SandboxReply.FromJson(StatusCodes.Status200OK, body);
    }

    private static JsonObject Success(FaceAnalysis face, VerihubsPayload payload)
    {
        var body = new JsonObject
        {
            ["message"] = "Request Success",
            ["session_id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0,
            ["status_code"] = "FACE-3",
            ["rotation"] = "0",
            ["bounding_box"] = new JsonObject
            {
                ["TopLeftX"] = Text(face.BoxX),
                ["TopLeftY"] = Text(face.BoxY),
                ["BottomRightX"] = Text(face.BoxX + face.BoxWidth),
                ["BottomRightY"] = Text(face.BoxY + face.BoxHeight),
                ["Width"] = Text(face.BoxWidth),
                ["Height"] = Text(face.BoxHeight),
            },
            ["face_landmark"] = new JsonObject
            {
                ["LeftEyeX"] = Text(face.Landmarks[0].X),
                ["LeftEyeY"] = Text(face.Landmarks[0].Y),
                ["RightEyeX"] = Text(face.Landmarks[1].X),
                ["RightEyeY"] = Text(face.Landmarks[1].Y),
                ["NoseX"] = Text(face.Landmarks[2].X),
                ["NoseY"] = Text(face.Landmarks[2].Y),
                ["MouthLeftX"] = Text(face.Landmarks[3].X),
                ["MouthLeftY"] = Text(face.Landmarks[3].Y),
                ["MouthRightX"] = Text(face.Landmarks[4].X),
                ["MouthRightY"] = Text(face.Landmarks[4].Y),
            },
            ["nface"] = face.FaceCount,
            ["deepfake"] = face.IsDeepfake,
        };
        if (payload.IsQuality)
        {
            body["image_quality"] = new JsonObject { ["blur"] = face.LowQuality, ["dark"] = face.LowQuality };
        }

        if (payload.IsAttribute)
        {
            body["attributes"] = new JsonObject
            {
                ["sunglasses_on"] = face.Attribute,
                ["mask_on"] = false,
                ["veil_on"] = false,
                ["hat_on"] = false,
                ["face_blocker"] = false,
            };
        }

        return body;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static async Task<(VerihubsPayload?, SandboxReply?)> ReadPayloadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return (null, InvalidPayload());
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(buffer.ToArray());
        }
        catch (JsonException)
        {
            return (null, SandboxReply.FromJson(StatusCodes.Status400BadRequest, new JsonObject
            {
                ["message"] = "Invalid Payload",
                ["data"] = new JsonObject { ["message"] = "Syntax error" },
            }));
        }

        if (root is not JsonObject payload || payload.Count == 0)
        {
            return (null, InvalidPayload());
        }

        if (!TryFlag(payload, "is_quality", out var isQuality) || !TryFlag(payload, "is_attribute", out var isAttribute)
            || !TryFlag(payload, "validate_quality", out var validateQuality) || !TryFlag(payload, "validate_attribute", out var validateAttribute))
        {
            return (null, InvalidPayload());
        }

        if (!payload.TryGetPropertyValue("image", out var image) || image is null)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "MISSING_PAYLOAD_IMAGE", "Missing payload image"));
        }

        if (validateQuality && !isQuality)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "INVALID_PAYLOAD_QUALITY_VALIDATION_DEPENDENCY", "is_quality must be true if validate_quality true"));
        }

        if (validateAttribute && !isAttribute)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "INVALID_PAYLOAD_ATTRIBUTE_VALIDATION_DEPENDENCY", "is_attribute must be true if validate_attribute true"));
        }

        var text = image.GetValueKind() == JsonValueKind.String ? image.GetValue<string>() : null;
        return (new VerihubsPayload(text, isQuality, isAttribute, validateQuality, validateAttribute), null);
    }

    private static async Task<(byte[]?, SandboxReply?)> ReadImageAsync(VerihubsPayload payload, SandboxState state, CancellationToken ct)
    {
        var text = payload.Image?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, ImageMissing());
        }

        var maxBytes = state.Options.VerihubsMaxBytes;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var (status, fetched) = await state.Fetcher.FetchAsync(uri, maxBytes, state.Options.UrlFetchTimeout, ct);
            return status switch
            {
                UrlImageFetcher.Status.Fetched => (fetched, null),
                UrlImageFetcher.Status.TimedOut => (null, Error(StatusCodes.Status400BadRequest, "INVALID_PAYLOAD_IMAGE_TIMEOUT", "Timeout getting image from url")),
                UrlImageFetcher.Status.TooLarge => (null, ImageTooLarge()),
                _ => (null, ImageMissing()),
            };
        }

        var comma = text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? text.IndexOf(',') : -1;
        var base64 = comma >= 0 ? text[(comma + 1)..] : text;
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return (null, ImageMissing());
        }

        if (decoded.Length == 0)
        {
            return (null, ImageMissing());
        }

        return decoded.Length > maxBytes ? (null, ImageTooLarge()) : (decoded, null);
    }

    private static bool TryFlag(JsonObject payload, string name, out bool value)
    {
        value = false;
        if (!payload.TryGetPropertyValue(name, out var node) || node is null)
        {
            return true;
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            default:
                return false;
        }
    }

    private static SandboxReply InvalidPayload() => Error(StatusCodes.Status400BadRequest, "INVALID_PAYLOAD", "Invalid payload");

    private static SandboxReply ImageMissing() =>
        Error(StatusCodes.Status400BadRequest, "INVALID_PAYLOAD_IMAGE_MISSING", "Invalid payload image, not a standard base64 or url image");

    private static SandboxReply ImageTooLarge() =>
        Error(StatusCodes.Status400BadRequest, "INVALID_PAYLOAD_IMAGE_SIZE", "Invalid payload image size, too large (max 5MB)");

    private static SandboxReply Error(int status, string code, string message) =>
        SandboxReply.FromJson(status, new JsonObject { ["message"] = message, ["error_code"] = code });

    private sealed record VerihubsPayload(string? Image, bool IsQuality, bool IsAttribute, bool ValidateQuality, bool ValidateAttribute);
}
