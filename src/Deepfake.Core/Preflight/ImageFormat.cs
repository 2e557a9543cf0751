namespace Deepfake.Preflight
{
    /// <summary>The image formats both vendors accept, told apart by their first bytes.</summary>
    internal enum ImageFormat
    {
        Unknown,
        Jpeg,
        Png,
    }
}
