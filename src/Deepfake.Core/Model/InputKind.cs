namespace Deepfake
{
    /// <summary>Whether an input names a local file or an image URL.</summary>
    public enum InputKind
    {
        File,
        Url,
    }
}
