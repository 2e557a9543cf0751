namespace Deepfake.Output
{
    /// <summary>One facial key point; the name is null where the provider sends points unnamed.</summary>
    public sealed class LandmarkRecord
    {
        public string? Name { get; init; }

        public double X { get; init; }

        public double Y { get; init; }
    }
}
