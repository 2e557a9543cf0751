namespace Deepfake.Output
{
    /// <summary>One thing a file declares about its own origin (the offline provider's finding).</summary>
    public sealed class EvidenceRecord
    {
        public string Kind { get; init; } = string.Empty;

        public string Value { get; init; } = string.Empty;

        public string Location { get; init; } = string.Empty;
    }
}
