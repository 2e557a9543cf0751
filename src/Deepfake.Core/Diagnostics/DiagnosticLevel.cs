namespace Deepfake.Diagnostics
{
    /// <summary>How chatty a diagnostic message is: PowerShell's Verbose and Debug streams, the CLI's --verbose.</summary>
    public enum DiagnosticLevel
    {
        /// <summary>What is sent where, one line per request or decision.</summary>
        Verbose,

        /// <summary>Headers (allow-listed, keys redacted), retry decisions, timings.</summary>
        Debug,
    }
}
