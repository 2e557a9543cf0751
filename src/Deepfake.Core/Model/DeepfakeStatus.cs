namespace Deepfake
{
    /// <summary>What a check concluded about one input.</summary>
    public enum DeepfakeStatus
    {
        /// <summary>The provider judged the face genuine.</summary>
        Genuine,

        /// <summary>The provider judged the face a deepfake, or the file declares itself AI-generated.</summary>
        Deepfake,

        /// <summary>The provider could not or would not decide (the offline provider when nothing is declared).</summary>
        Inconclusive,

        /// <summary>The image itself was refused: no face, several faces, failed quality or attribute gate, not an image.</summary>
        Rejected,

        /// <summary>The input could not be checked at all: missing file, network, credentials, quota, server.</summary>
        Failed,
    }
}
