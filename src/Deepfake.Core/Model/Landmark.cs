using System.Globalization;

namespace Deepfake
{
    /// <summary>One facial key point. Verihubs names its points (LeftEye, Nose, ...); OOTO sends them unnamed.</summary>
    public sealed class Landmark
    {
        public Landmark(string? name, double x, double y)
        {
            Name = name;
            X = x;
            Y = y;
        }

        public string? Name { get; }

        public double X { get; }

        public double Y { get; }

        public override string ToString()
        {
            var point = string.Format(CultureInfo.InvariantCulture, "{0:0.##},{1:0.##}", X, Y);
            return Name is null ? point : Name + "=" + point;
        }
    }
}
