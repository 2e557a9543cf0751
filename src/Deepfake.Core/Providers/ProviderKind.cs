namespace Deepfake.Providers
{
    /// <summary>The providers this module knows.</summary>
    public enum ProviderKind
    {
        /// <summary>Offline: reads what the file declares about its own origin. No account, no network.</summary>
        Local,

        /// <summary>OOTO AI's deepfake API (multipart upload, returns a genuineness score).</summary>
        Ooto,

        /// <summary>Verihubs' deepfake API (JSON with base64 or URL image, returns a verdict).</summary>
        Verihubs,
    }
}
