using System.Globalization;

namespace Deepfake
{
    /// <summary>Where the face is: its box and its key points (any number of them).</summary>
    public sealed class FaceRegion
    {
        public FaceRegion(FaceBox? box, ReadableList<Landmark>? landmarks)
        {
            Box = box;
            Landmarks = landmarks ?? ReadableList<Landmark>.None;
        }

        public FaceBox? Box { get; }

        public ReadableList<Landmark> Landmarks { get; }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "box {0}; {1} landmarks", Box?.ToString() ?? "none", Landmarks.Count);
    }
}
