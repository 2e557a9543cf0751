using System;
using System.CommandLine;
using System.Linq;
using Deepfake.Cli.Output;
using Deepfake.Configuration;
using Deepfake.Credentials;
using Deepfake.Providers;

namespace Deepfake.Cli
{
    /// <summary><c>deepfake providers</c>: which providers exist, which one a check would use, and why.</summary>
    internal static class ProvidersCommand
    {
        public static Command Build(Terminal terminal)
        {
            var command = new Command("providers", "List the providers with the endpoint and credential each would use, and which is the default.");
            command.SetAction(_ =>
            {
                var credentials = CredentialStore.Default;
                var settings = DeepfakeSettings.Default;
                ResolvedSetting<ProviderKind> chosen;
                try
                {
                    chosen = settings.ResolveDefaultProvider(credentials);
                }
                catch (DeepfakeException e)
                {
                    return Fail.Configuration(terminal, e);
                }

                var rows = Enum.GetValues<ProviderKind>().Select(kind => new[]
                {
                    kind.ToString().ToLowerInvariant(),
                    kind == chosen.Value ? "*" : string.Empty,
                    Credential(credentials, kind),
                    kind == ProviderKind.Local ? "(offline)" : Endpoint(settings, kind),
                });
                TextTable.Write(terminal.Out, new[] { "PROVIDER", "DEFAULT", "CREDENTIAL", "ENDPOINT" }, rows.ToList());
                terminal.Out.WriteLine();
                terminal.Out.WriteLine("Default: " + ConsoleText.Clean(chosen.Reason));
                return ExitCodes.Success;
            });
            return command;
        }

        private static string Credential(CredentialStore store, ProviderKind kind)
        {
            if (kind == ProviderKind.Local) return "not needed";
            try
            {
                var found = store.Find(kind);
                return found is null ? "none" : found.Credential.AppId + " (key " + found.Credential.KeyHint + ", " + found.Source.ToString().ToLowerInvariant() + ")";
            }
            catch (DeepfakeException e)
            {
                return "unusable: " + ConsoleText.Clean(e.Message);
            }
        }

        private static string Endpoint(DeepfakeSettings settings, ProviderKind kind)
        {
            try
            {
                var endpoint = settings.ResolveEndpoint(kind);
                return endpoint.Value + " (" + endpoint.Source.ToString().ToLowerInvariant() + ")";
            }
            catch (DeepfakeException e)
            {
                return "unusable: " + ConsoleText.Clean(e.Message);
            }
        }
    }
}
