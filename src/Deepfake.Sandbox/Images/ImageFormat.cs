namespace Deepfake.Sandbox.Images;

internal enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
}
