namespace Deepfake.Local.Provenance
{
    /// <summary>What one piece of evidence says about the file's origin, for the verdict.</summary>
    internal enum Declaration
    {
        /// <summary>Context only (a manifest is present, a claim generator, a prompt writer).</summary>
        None,

        /// <summary>Declares generation or compositing by AI or algorithm: the file is a deepfake by its own account.</summary>
        Synthetic,

        /// <summary>Declares a capture or human origin: reported, never taken as proof of authenticity.</summary>
        NonSynthetic,
    }
}
