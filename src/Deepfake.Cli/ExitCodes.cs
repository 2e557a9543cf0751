namespace Deepfake.Cli
{
    /// <summary>The process exit codes scripts depend on. Documented in <c>--help</c> and docs/design/cli.md.</summary>
    internal static class ExitCodes
    {
        /// <summary>Every item genuine (or inconclusive: nothing was found to be a deepfake); for <c>quality</c>, every image acceptable.</summary>
        public const int Success = 0;

        /// <summary>At least one deepfake (for <c>quality</c>: one image of poor quality), and every item was checked.</summary>
        public const int Found = 1;

        /// <summary>At least one item was rejected by the provider or could not be checked at all.</summary>
        public const int NotChecked = 2;

        /// <summary>Bad usage, configuration or authentication: a wrong option, no credential, 401, quota exhausted.</summary>
        public const int Usage = 3;

        /// <summary>Interrupted by Ctrl+C (SIGINT) or SIGTERM: what finished was still written.</summary>
        public const int Interrupted = 130;

        /// <summary>
        /// Stdout's reader went away (<c>| head -1</c>): the run stopped quietly, as a tool killed by SIGPIPE would
        /// (128 + 13). Not 0: the report was not delivered, so it must not read as "all genuine".
        /// </summary>
        public const int PipeClosed = 141;

        public const string HelpText =
            "Exit codes:\n" +
            "  0    every item genuine or inconclusive (quality: every image acceptable)\n" +
            "  1    at least one deepfake (quality: one image of poor quality), none rejected or failed\n" +
            "  2    at least one item rejected (no face, not an image, ...) or not checked (missing file, network)\n" +
            "  3    usage, configuration or authentication error (bad option, no credential, 401, quota)\n" +
            "  130  interrupted by Ctrl+C or SIGTERM; the items that finished were still written\n" +
            "  141  stdout was closed by its reader (e.g. '| head -1'): the run stopped quietly";
    }
}
