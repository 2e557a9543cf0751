namespace Deepfake.Output
{
    /// <summary>A face box in image pixels: top-left corner, width and height.</summary>
    public sealed class BoxRecord
    {
        public double X { get; init; }

        public double Y { get; init; }

        public double Width { get; init; }

        public double Height { get; init; }
    }
}
