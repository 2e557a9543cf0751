using System.Security.Cryptography;
using Deepfake.Sandbox.Images;
using Deepfake.Sandbox.Markers;

namespace Deepfake.Sandbox.Vendors;

/// <summary>
/// The sandbox's "model": every number is drawn from the image's SHA-256, so the same bytes always give the
/// same answer, and the face is placed inside the image's real width and height.
/// </summary>
internal sealed class FaceAnalysis
{
    private static readonly string[] Races = ["white", "black", "asian", "indian", "latino hispanic", "middle eastern"];

    private FaceAnalysis()
    {
    }

    public required bool IsDeepfake { get; init; }

    /// <summary>OOTO's score: higher means more likely genuine.</summary>
    public required double Score { get; init; }

    public required double BoxX { get; init; }
    public required double BoxY { get; init; }
    public required double BoxWidth { get; init; }
    public required double BoxHeight { get; init; }

    /// <summary>Left eye, right eye, nose, mouth left, mouth right.</summary>
    public required IReadOnlyList<(double X, double Y)> Landmarks { get; init; }

    public required double Pitch { get; init; }
    public required double Yaw { get; init; }
    public required double Roll { get; init; }
    public required double Uniformity { get; init; }
    public required double Exposure { get; init; }
    public required double Contrast { get; init; }
    public required double Flare { get; init; }
    public required double Blur { get; init; }
    public required double Macroblocks { get; init; }
    public required double Distortion { get; init; }
    public required double Occlusion { get; init; }
    public required double Emotion { get; init; }
    public required double LeftEyeClosed { get; init; }
    public required double RightEyeClosed { get; init; }
    public required double Crfiqa { get; init; }

    /// <summary>Marker <c>lowquality</c>: OOTO blur is not fine; Verihubs blur and dark are true.</summary>
    public required bool LowQuality { get; init; }

    /// <summary>Marker <c>attribute</c>: OOTO occlusion is not fine; Verihubs sunglasses_on is true.</summary>
    public required bool Attribute { get; init; }

    public required int Age { get; init; }
    public required string Gender { get; init; }
    public required string Race { get; init; }
    public required int FaceCount { get; init; }

    public static string HashHex(byte[] image) => Convert.ToHexString(SHA256.HashData(image));

    public static FaceAnalysis Analyze(byte[] image, ImageInfo info, SandboxMarker marker)
    {
        var rng = new HashRandom(SHA256.HashData(image));
        var deepfake = marker.Has(Outcomes.Deepfake);
        var lowQuality = marker.Has(Outcomes.LowQuality);
        var attribute = marker.Has(Outcomes.Attribute);

        var score = deepfake ? rng.Between(0.02, 0.35) : rng.Between(0.90, 1.0);
        var width = Math.Max(info.Width, 1);
        var height = Math.Max(info.Height, 1);
        var boxWidth = width * rng.Between(0.30, 0.45);
        var boxHeight = Math.Min(boxWidth * rng.Between(1.15, 1.35), height * 0.85);
        var boxX = (width - boxWidth) * rng.Between(0.35, 0.65);
        var boxY = (height - boxHeight) * rng.Between(0.30, 0.60);

        (double X, double Y) Point(double fx, double fy) =>
            (boxX + (boxWidth * (fx + rng.Between(-0.02, 0.02))), boxY + (boxHeight * (fy + rng.Between(-0.02, 0.02))));

        return new FaceAnalysis
        {
            IsDeepfake = deepfake,
            Score = score,
            BoxX = boxX,
            BoxY = boxY,
            BoxWidth = boxWidth,
            BoxHeight = boxHeight,
            Landmarks = [Point(0.30, 0.40), Point(0.70, 0.40), Point(0.50, 0.60), Point(0.35, 0.80), Point(0.65, 0.80)],
            Pitch = rng.Between(-10, 10),
            Yaw = rng.Between(-10, 10),
            Roll = rng.Between(-5, 5),
            Uniformity = rng.Between(0.60, 0.95),
            Exposure = rng.Between(0.50, 0.80),
            Contrast = rng.Between(0.60, 0.90),
            Flare = rng.Between(0, 0.05),
            Blur = lowQuality ? rng.Between(0.60, 0.95) : rng.Between(0, 0.0001),
            Macroblocks = rng.Between(0, 1e-6),
            Distortion = rng.Between(0, 0.30),
            Occlusion = attribute ? rng.Between(0.60, 0.95) : rng.Between(0, 0.01),
            Emotion = rng.Between(0, 0.05),
            LeftEyeClosed = rng.Between(0, 0.01),
            RightEyeClosed = rng.Between(0, 0.01),
            Crfiqa = rng.Between(0.50, 0.80),
            LowQuality = lowQuality,
            Attribute = attribute,
            Age = 18 + rng.Below(55),
            Gender = rng.Next() < 0.5 ? "female" : "male",
            Race = Races[rng.Below(Races.Length)],
            FaceCount = marker.Has(Outcomes.MultiFace) ? 2 : 1,
        };
    }
}
