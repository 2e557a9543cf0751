namespace Deepfake.Sandbox.Markers;

/// <summary>The <c>outcome=</c> values a marker may carry.</summary>
internal static class Outcomes
{
    public const string Deepfake = "deepfake";
    public const string Genuine = "genuine";
    public const string NoFace = "noface";
    public const string MultiFace = "multiface";
    public const string TooSmall = "toosmall";
    public const string Undecodable = "undecodable";
    public const string LowQuality = "lowquality";
    public const string Attribute = "attribute";
    public const string Code7 = "code7";
}
