using Deepfake;

namespace Deepfake.Tests.Output
{
    /// <summary>Results shaped like each provider's, for the formatter tests.</summary>
    internal static class SampleResults
    {
        public static DeepfakeResult OotoGenuine() => new()
        {
            Source = "/photos/alice.jpg",
            Provider = "Ooto",
            Status = DeepfakeStatus.Genuine,
            IsDeepfake = false,
            Score = 0.9731,
            Threshold = 0.9,
            TransactionId = "tx-1",
            HttpStatus = 200,
            FaceCount = 1,
            Face = new FaceRegion(new FaceBox(10, 20, 100, 120.5), ReadableList<Landmark>.From(new[] { new Landmark(null, 40, 60), new Landmark("Nose", 55.5, 80) })),
            Quality = new FaceQuality(1.5, -2, 0.25, new[] { new QualityMetric("blur", 0.1, true), new QualityMetric("exposure", 0.4, false) }),
            Demography = new Demography(34, "female", null),
            Attempts = 2,
            Elapsed = TimeSpan.FromMilliseconds(123.44),
        };

        public static DeepfakeResult LocalDeepfake() => new()
        {
            Source = "samples/generated, \"quoted\".png",
            Provider = "Local",
            Status = DeepfakeStatus.Deepfake,
            IsDeepfake = true,
            Evidence = ReadableList<Evidence>.From(new[]
            {
                new Evidence("IPTC.DigitalSourceType", "trainedAlgorithmicMedia", "XMP"),
                new Evidence("Generator.Parameters", "steps: 20", "PNG tEXt 'parameters'"),
            }),
        };

        public static DeepfakeResult Rejected() => DeepfakeResult.FromError(
            "/photos/empty.jpg",
            "Verihubs",
            new DeepfakeException(DeepfakeErrorCode.NoFace, "No face was detected.\nTry a frontal photo.") { ProviderCode = "FACE_NOT_DETECTED", HttpStatus = 400, Attempts = 1 });

        public static DeepfakeResult Failed() => DeepfakeResult.FromError(
            "/photos/missing.jpg",
            "Ooto",
            new DeepfakeException(DeepfakeErrorCode.FileNotFound, "The file does not exist."));
    }
}
