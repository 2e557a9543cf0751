using Deepfake.Cli.Output;

namespace Deepfake.Cli
{
    /// <summary>Writes a run-stopping error to stderr and gives the exit code for it.</summary>
    internal static class Fail
    {
        public static int Usage(Terminal terminal, string message)
        {
            terminal.Error.WriteLine("deepfake: " + message);
            return ExitCodes.Usage;
        }

        /// <summary>A missing or refused credential, an exhausted quota, a bad setting: the whole run cannot proceed.</summary>
        public static int Configuration(Terminal terminal, DeepfakeException error)
        {
            var message = ConsoleText.Clean(error.Message);
            switch (error.ErrorCode)
            {
                case DeepfakeErrorCode.Unauthorized when !message.Contains("deepfake credential"):
                    var provider = (error.Provider ?? "<provider>").ToLowerInvariant();
                    message += " 'deepfake credential show' lists the credentials found; 'deepfake credential set --provider " + provider + " --app-id <id> --key-stdin' saves one.";
                    break;
                case DeepfakeErrorCode.QuotaExceeded:
                    message += " Items not yet sent were cancelled (reported as Cancelled).";
                    break;
            }

            terminal.Error.WriteLine("deepfake: " + message);
            return ExitCodes.Usage;
        }
    }
}
