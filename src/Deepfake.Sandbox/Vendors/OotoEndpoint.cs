using System.Text.Json.Nodes;
using Deepfake.Sandbox.Faults;
using Deepfake.Sandbox.Hosting;
using Deepfake.Sandbox.Images;
using Deepfake.Sandbox.Markers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Deepfake.Sandbox.Vendors;

/// <summary><c>POST /api/v1.0/deepfake</c> as the OOTO page documents it.</summary>
internal static class OotoEndpoint
{
    public const string AppIdHeader = "APP-ID";
    public const string AppKeyHeader = "APP-KEY";
    public const string PhotoField = "photo";

    private static readonly string[] AcceptedContentTypes = ["image/jpeg", "image/jpg", "image/pjpeg", "image/png", "application/octet-stream"];

    public static async Task HandleAsync(HttpContext context, SandboxState state)
    {
        var gate = await VendorGate.EnterAsync(context, state, SandboxRoutes.Ooto);
        if (gate is null)
        {
            return;
        }

        var options = state.Options;
        if (!Credentials.Accept(context.Request, AppIdHeader, AppKeyHeader, options.OotoAppId, options.OotoAppKey))
        {
            await gate.WriteAsync(SandboxReply.Message(StatusCodes.Status401Unauthorized, "Unauthorized"));
            return;
        }

        var photo = await ReadPhotoAsync(context.Request, context.RequestAborted);
        if (photo is null)
        {
            await gate.WriteAsync(Error(1, "photo should not be empty"));
            return;
        }

        if (photo.Length == 0)
        {
            await gate.WriteAsync(Error(3, "photo size is 0 bytes"));
            return;
        }

        using var buffer = new MemoryStream((int)photo.Length);
        await photo.CopyToAsync(buffer, context.RequestAborted);
        var image = buffer.ToArray();
        var info = ImageInfo.Inspect(image);
        if (!IsAcceptedContentType(photo.ContentType) || info.Format == ImageFormat.Unknown)
        {
            await gate.WriteAsync(Error(2, "wrong mime-type in input data"));
            return;
        }

        var marker = SandboxMarker.Find(image);
        if (await gate.TryApplyMarkerAsync(marker, FaceAnalysis.HashHex(image)))
        {
            return;
        }

        await gate.WriteAsync(Answer(image, info, marker));
    }

    private static SandboxReply Answer(byte[] image, ImageInfo info, SandboxMarker marker)
    {
        if (!info.Decodable || marker.Has(Outcomes.Undecodable))
        {
            return Error(4, "can not decode image, check it is valid jpeg or png file");
        }

        if (marker.Has(Outcomes.TooSmall) || info.Width < SandboxOptions.MinimumFaceImageSide || info.Height < SandboxOptions.MinimumFaceImageSide)
        {
            return Error(9, "can not extract features from sample, probably it is too small");
        }

        if (marker.Has(Outcomes.NoFace))
        {
            return Error(5, "can not detect face");
        }

        if (marker.Has(Outcomes.MultiFace))
        {
            return Error(6, "more than one face detected on photo");
        }

        if (marker.Has(Outcomes.Code7))
        {
            return Error(7, "face is too close to the image border");
        }

        return SandboxReply.FromJson(StatusCodes.Status200OK, Success(FaceAnalysis.Analyze(image, info, marker)));
    }

    private static JsonObject Success(FaceAnalysis face)
    {
        var landmarks = new JsonArray();
        foreach (var (x, y) in face.Landmarks)
        {
            landmarks.Add(new JsonArray((int)Math.Round(x), (int)Math.Round(y)));
        }

        return new JsonObject
        {
            ["transactionId"] = Guid.NewGuid().ToString(),
            ["result"] = new JsonObject
            {
                ["deepfake"] = new JsonObject { ["score"] = face.Score, ["fine"] = face.Score >= 0.9 },
                ["quality"] = new JsonObject
                {
                    ["pitch"] = face.Pitch,
                    ["yaw"] = face.Yaw,
                    ["roll"] = face.Roll,
                    ["uniformity"] = Value(face.Uniformity, true),
                    ["exposure"] = Value(face.Exposure, true),
                    ["contrast"] = Value(face.Contrast, true),
                    ["flare"] = Score(face.Flare, true),
                    ["blur"] = Score(face.Blur, !face.LowQuality),
                    ["macroblocks"] = Score(face.Macroblocks, true),
                    ["distortion"] = Score(face.Distortion, true),
                    ["occlusion"] = Score(face.Occlusion, !face.Attribute),
                    ["emotion"] = Score(face.Emotion, true),
                    ["leftEyeClosed"] = Score(face.LeftEyeClosed, true),
                    ["rightEyeClosed"] = Score(face.RightEyeClosed, true),
                    ["crfiqa"] = Score(face.Crfiqa, true),
                },
                ["demography"] = new JsonObject { ["age"] = face.Age, ["gender"] = face.Gender, ["race"] = face.Race },
                ["box"] = new JsonObject
                {
                    ["x"] = (int)Math.Round(face.BoxX),
                    ["y"] = (int)Math.Round(face.BoxY),
                    ["w"] = (int)Math.Round(face.BoxWidth),
                    ["h"] = (int)Math.Round(face.BoxHeight),
                },
                ["landmarks"] = landmarks,
            },
        };
    }

    private static JsonObject Value(double value, bool fine) => new() { ["value"] = value, ["fine"] = fine };

    private static JsonObject Score(double score, bool fine) => new() { ["score"] = score, ["fine"] = fine };

    private static SandboxReply Error(int code, string info) => SandboxReply.FromJson(StatusCodes.Status400BadRequest, new JsonObject
    {
        ["transactionId"] = Guid.NewGuid().ToString(),
        ["result"] = new JsonObject { ["status"] = "error", ["code"] = code, ["info"] = info },
    });

    private static bool IsAcceptedContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return AcceptedContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }

    private static readonly FormOptions InMemoryForm = new() { MemoryBufferThreshold = 64 * 1024 * 1024 };

    private static async Task<IFormFile?> ReadPhotoAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            // ASP.NET spools a file part over 64 KB to a temporary file by default: a disk round trip per photo
            // that would make the sandbox, not the client, the cost the benchmarks measure.
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, InMemoryForm));
            var form = await request.ReadFormAsync(ct);
            return form.Files.GetFile(PhotoField);
        }
        catch (InvalidDataException)
        {
            return null; // a broken multipart body has no readable photo field
        }
    }
}
