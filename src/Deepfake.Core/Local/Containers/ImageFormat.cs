namespace Deepfake.Local.Containers
{
    /// <summary>The containers the offline provider reads, judged by their first bytes.</summary>
    internal enum ImageFormat
    {
        Unknown,
        Jpeg,
        Png,
        WebP,
    }
}
