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
                case DeepfakeErrorCode.Unauthorized:
                    message += " Set a credential with 'deepfake credential set --provider <name> --app-id <id> --key-stdin' or the DEEPFAKE_*_APP_ID / key environment variables; 'deepfake credential show' lists what is found.";
                    break;
                case DeepfakeErrorCode.QuotaExceeded:
                    message += " The account's quota is exhausted; the remaining items were not checked.";
                    break;
            }

            terminal.Error.WriteLine("deepfake: " + message);
            return ExitCodes.Usage;
        }
    }
}
