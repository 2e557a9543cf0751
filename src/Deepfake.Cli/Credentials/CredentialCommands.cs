using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using Deepfake.Cli.Output;
using Deepfake.Credentials;
using Deepfake.Providers;

namespace Deepfake.Cli.Credentials
{
    /// <summary>
    /// <c>deepfake credential set|show|remove</c>, over the same store as Set-DeepfakeCredential: a key saved by one
    /// adapter is used by the other. A key is never taken as an argument (it would land in shell history and in
    /// <c>ps</c>): it comes from stdin with --key-stdin, or from a prompt that does not echo.
    /// </summary>
    internal static class CredentialCommands
    {
        private const string User = "user";
        private const string Session = "session";

        public static Command Build(Terminal terminal)
        {
            var command = new Command("credential", "Save, show or remove a vendor's App ID and key (the store the PowerShell module uses too).");
            command.Subcommands.Add(BuildSet(terminal));
            command.Subcommands.Add(BuildShow(terminal));
            command.Subcommands.Add(BuildRemove(terminal));
            return command;
        }

        private static Command BuildSet(Terminal terminal)
        {
            var provider = VendorOption();
            var appId = new Option<string?>("--app-id") { Description = "The App ID (prompted for on a terminal when omitted).", HelpName = "id" };
            var keyStdin = new Option<bool>("--key-stdin") { Description = "Read the key from the first line of stdin. Without it the key is prompted for, without echo; it is never an argument." };
            var scope = ScopeOption();
            var set = new Command("set", "Save a credential for ooto or verihubs in the user's credential file (mode 0600; DPAPI on Windows).")
            {
                provider, appId, keyStdin, scope,
            };
            set.SetAction(parse =>
            {
                var kind = parse.GetValue(provider)!.Value;
                if (parse.GetValue(scope) == Session) return SessionScopeRefused(terminal, kind);

                var id = parse.GetValue(appId);
                if (string.IsNullOrWhiteSpace(id))
                {
                    if (!terminal.InIsTerminal) return Fail.Usage(terminal, "--app-id is required when stdin is not a terminal.");
                    terminal.Error.Write(kind + " App ID: ");
                    id = terminal.ReadLine()?.Trim();
                }

                string? key;
                if (parse.GetValue(keyStdin))
                {
                    key = terminal.ReadLine();
                }
                else if (terminal.InIsTerminal)
                {
                    key = terminal.ReadSecret(kind + " " + KeyName(kind) + " (input hidden): ");
                }
                else
                {
                    return Fail.Usage(terminal, "stdin is not a terminal, so the key cannot be prompted for: pipe it in with --key-stdin (for example: printf '%s\\n' \"$KEY\" | deepfake credential set --provider " + Name(kind) + " --app-id <id> --key-stdin).");
                }

                key = key?.TrimEnd('\r', '\n');
                if (string.IsNullOrWhiteSpace(id)) return Fail.Usage(terminal, "The App ID is empty.");
                if (string.IsNullOrEmpty(key)) return Fail.Usage(terminal, "The " + KeyName(kind) + " is empty: nothing was read from " + (parse.GetValue(keyStdin) ? "stdin." : "the prompt."));

                var store = CredentialStore.Default;
                var credential = new ProviderCredential(id!, key!);
                store.Set(kind, credential, CredentialScope.User);
                terminal.Out.WriteLine("Saved the " + kind + " credential (App ID " + credential.AppId + ", key " + credential.KeyHint + ") to " + store.UserFilePath + ".");
                var names = CredentialStore.VariableNames(kind);
                if (store.List().Any(c => c.Provider == kind && c.Source == CredentialSource.Environment && c.Problem is null))
                {
                    terminal.Error.WriteLine("deepfake: note: " + names.AppId + " and " + names.Key + " are set in this environment and take precedence over the saved credential.");
                }

                return ExitCodes.Success;
            });
            return set;
        }

        private static Command BuildShow(Terminal terminal)
        {
            var provider = new Option<ProviderKind?>("--provider", "-p") { Description = "Only this vendor: ooto or verihubs.", HelpName = "ooto|verihubs" };
            var show = new Command("show", "Show each vendor's App ID, key hint (its last characters, never the key) and where it comes from.") { provider };
            show.SetAction(parse =>
            {
                var only = parse.GetValue(provider);
                var entries = CredentialStore.Default.List().Where(c => only is null || c.Provider == only).ToList();
                var rows = entries.Select(c => new[]
                {
                    c.Provider.ToString(),
                    c.AppId ?? "-",
                    c.KeyHint ?? "-",
                    c.Source.ToString().ToLowerInvariant(),
                    c.IsActive ? "yes" : "no",
                    ConsoleText.Clean(c.Problem is null ? c.Location : c.Location + " (" + c.Problem + ")"),
                }).ToList();
                if (rows.Count == 0)
                {
                    terminal.Out.WriteLine("No credential found" + (only is null ? "." : " for " + only + ".") + " Save one with 'deepfake credential set'.");
                    return ExitCodes.Success;
                }

                TextTable.Write(terminal.Out, new[] { "PROVIDER", "APP ID", "KEY", "SOURCE", "ACTIVE", "LOCATION" }, rows);
                return ExitCodes.Success;
            });
            return show;
        }

        private static Command BuildRemove(Terminal terminal)
        {
            var provider = VendorOption();
            var scope = ScopeOption();
            var remove = new Command("remove", "Remove a vendor's credential from the user's credential file.") { provider, scope };
            remove.SetAction(parse =>
            {
                var kind = parse.GetValue(provider)!.Value;
                if (parse.GetValue(scope) == Session) return SessionScopeRefused(terminal, kind);
                var store = CredentialStore.Default;
                terminal.Out.WriteLine(store.Remove(kind, CredentialScope.User)
                    ? "Removed the " + kind + " credential from " + store.UserFilePath + "."
                    : "No " + kind + " credential was saved in " + store.UserFilePath + "; nothing to remove.");
                return ExitCodes.Success;
            });
            return remove;
        }

        private static Option<ProviderKind?> VendorOption()
        {
            var provider = new Option<ProviderKind?>("--provider", "-p") { Description = "ooto or verihubs.", HelpName = "ooto|verihubs", Required = true };
            provider.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<ProviderKind?>() == ProviderKind.Local)
                {
                    r.AddError("The local provider needs no credential; use --provider ooto or --provider verihubs.");
                }
            });
            return provider;
        }

        private static Option<string> ScopeOption()
        {
            var scope = new Option<string>("--scope")
            {
                Description = "user (default): the user's credential file, seen by later runs and by the PowerShell module. 'session' is refused: it would end with this process.",
                HelpName = "user",
                DefaultValueFactory = _ => User,
            };
            scope.AcceptOnlyFromAmong(User, Session);
            return scope;
        }

        private static int SessionScopeRefused(Terminal terminal, ProviderKind kind)
        {
            var names = CredentialStore.VariableNames(kind);
            return Fail.Usage(terminal, string.Format(
                CultureInfo.InvariantCulture,
                "--scope session has no meaning for a one-shot command: the credential would be forgotten when deepfake exits. Use --scope user (the default), or set {0} and {1} for the runs that need it.",
                names.AppId,
                names.Key));
        }

        private static string KeyName(ProviderKind kind) => kind == ProviderKind.Verihubs ? "API key" : "App key";

        private static string Name(ProviderKind kind) => kind.ToString().ToLowerInvariant();
    }
}
