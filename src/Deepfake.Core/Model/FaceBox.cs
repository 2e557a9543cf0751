using System.Globalization;

namespace Deepfake
{
    /// <summary>A face bounding box in image pixels: top-left corner, width and height.</summary>
    public sealed class FaceBox
    {
        public FaceBox(double x, double y, double width, double height)
        {
            X = x;
            Y = y;
            Width = width;
            Height = height;
        }

        public double X { get; }

        public double Y { get; }

        public double Width { get; }

        public double Height { get; }

        /// <summary>Builds a box from two corners, the reading of OOTO's field table and Verihubs' corner fields.</summary>
        public static FaceBox FromCorners(double x1, double y1, double x2, double y2) =>
            new FaceBox(x1, y1, x2 - x1, y2 - y1);

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0:0.##},{1:0.##} {2:0.##}x{3:0.##}", X, Y, Width, Height);
    }
}
