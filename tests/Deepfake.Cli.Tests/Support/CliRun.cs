namespace Deepfake.Tests.Support
{
    /// <summary>What one run of the built <c>deepfake</c> executable did.</summary>
    public sealed class CliRun
    {
        public CliRun(int exitCode, string stdout, string stderr)
        {
            ExitCode = exitCode;
            Stdout = stdout;
            Stderr = stderr;
        }

        public int ExitCode { get; }

        public string Stdout { get; }

        public string Stderr { get; }

        public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        /// <summary>Everything the process printed, for asserting that a secret appears nowhere.</summary>
        public string AllOutput => Stdout + "\n" + Stderr;

        public override string ToString() => "exit " + ExitCode + "\n--- stdout\n" + Stdout + "\n--- stderr\n" + Stderr;
    }
}
