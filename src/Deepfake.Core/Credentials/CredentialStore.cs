using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using Deepfake.Configuration;
using Deepfake.Providers;

namespace Deepfake.Credentials
{
    /// <summary>
    /// Finds the credential for a provider, by precedence: explicit (passed by the caller) &gt; session (process
    /// memory) &gt; environment variables &gt; the user's credential file. Both adapters use <see cref="Default"/>,
    /// so a key set by the module is seen by the CLI through the user file, and by every cmdlet of a session through
    /// process memory. Thread-safe. Keys never appear in what it returns, prints or throws.
    /// </summary>
    public sealed class CredentialStore
    {
        private static readonly object FileLock = new object();
        private readonly ConcurrentDictionary<ProviderKind, ProviderCredential> _session;

        /// <summary>A store with a session of its own (tests, tools); adapters use <see cref="Default"/>.</summary>
        public CredentialStore(DeepfakeEnvironment? environment = null)
            : this(environment ?? DeepfakeEnvironment.Process, new ConcurrentDictionary<ProviderKind, ProviderCredential>())
        {
        }

        private CredentialStore(DeepfakeEnvironment environment, ConcurrentDictionary<ProviderKind, ProviderCredential> session)
        {
            Environment = environment;
            _session = session;
        }

        /// <summary>The process's store: its session scope lives as long as the process (the PowerShell session).</summary>
        public static CredentialStore Default { get; } =
            new CredentialStore(DeepfakeEnvironment.Process, new ConcurrentDictionary<ProviderKind, ProviderCredential>());

        public DeepfakeEnvironment Environment { get; }

        /// <summary>The user's credential file (it may not exist yet).</summary>
        public string UserFilePath => Path.Combine(Environment.ConfigDirectory, CredentialFile.FileName);

        /// <summary>The environment variables holding a provider's App ID and key.</summary>
        public static (string AppId, string Key) VariableNames(ProviderKind provider)
        {
            switch (provider)
            {
                case ProviderKind.Ooto:
                    return ("DEEPFAKE_OOTO_APP_ID", "DEEPFAKE_OOTO_APP_KEY");
                case ProviderKind.Verihubs:
                    return ("DEEPFAKE_VERIHUBS_APP_ID", "DEEPFAKE_VERIHUBS_API_KEY");
                default:
                    throw NoCredential(provider);
            }
        }

        public void Set(ProviderKind provider, ProviderCredential credential, CredentialScope scope)
        {
            if (credential is null) throw new ArgumentNullException(nameof(credential));
            VariableNames(provider);
            if (scope == CredentialScope.Session)
            {
                _session[provider] = credential;
                return;
            }

            lock (FileLock)
            {
                // Rewriting also repairs a file whose mode had been opened up, so it is loaded without that check.
                var file = CredentialFile.Load(UserFilePath, refuseOpenFile: false);
                file.Entries[provider] = new CredentialFile.Entry(credential, credential.AppId, null);
                file.Save();
            }
        }

        /// <summary>Forgets the provider's credential in that scope; false when there was none.</summary>
        public bool Remove(ProviderKind provider, CredentialScope scope)
        {
            VariableNames(provider);
            if (scope == CredentialScope.Session)
            {
                return _session.TryRemove(provider, out _);
            }

            lock (FileLock)
            {
                if (!File.Exists(UserFilePath))
                {
                    return false;
                }

                var file = CredentialFile.Load(UserFilePath, refuseOpenFile: false);
                if (!file.Entries.Remove(provider))
                {
                    return false;
                }

                file.Save();
                return true;
            }
        }

        /// <summary>
        /// The credential a check of <paramref name="provider"/> would use, or null when none is configured.
        /// Throws <see cref="DeepfakeException"/> when the winning place is misconfigured (one variable of a pair
        /// set, a credential file others can read, an entry that cannot be decrypted) rather than silently skipping it.
        /// </summary>
        public FoundCredential? Find(ProviderKind provider, ProviderCredential? explicitCredential = null)
        {
            VariableNames(provider);
            if (explicitCredential != null)
            {
                return new FoundCredential(provider, explicitCredential, CredentialSource.Explicit, "passed by the caller");
            }

            if (_session.TryGetValue(provider, out var session))
            {
                return new FoundCredential(provider, session, CredentialSource.Session, SessionLocation);
            }

            var fromEnvironment = ReadEnvironment(provider);
            if (fromEnvironment.Problem != null)
            {
                throw new DeepfakeException(DeepfakeErrorCode.Unauthorized, fromEnvironment.Problem) { Provider = provider.ToString() };
            }

            if (fromEnvironment.Credential != null)
            {
                return new FoundCredential(provider, fromEnvironment.Credential, CredentialSource.Environment, fromEnvironment.Location);
            }

            var file = CredentialFile.Load(UserFilePath, refuseOpenFile: true);
            if (!file.Entries.TryGetValue(provider, out var entry))
            {
                return null;
            }

            if (entry.Credential is null)
            {
                throw new DeepfakeException(DeepfakeErrorCode.Unauthorized, entry.Problem!) { Provider = provider.ToString() };
            }

            return new FoundCredential(provider, entry.Credential, CredentialSource.User, file.Path);
        }

        /// <summary>Like <see cref="Find"/>, but a missing credential is an <see cref="DeepfakeErrorCode.Unauthorized"/> error saying how to set one.</summary>
        public FoundCredential Require(ProviderKind provider, ProviderCredential? explicitCredential = null)
        {
            var found = Find(provider, explicitCredential);
            if (found != null)
            {
                return found;
            }

            var names = VariableNames(provider);
            throw new DeepfakeException(DeepfakeErrorCode.Unauthorized,
                "No " + provider + " credential is configured. Save one with Set-DeepfakeCredential or 'deepfake credential set', "
                + "or set " + names.AppId + " and " + names.Key + ".")
            {
                Provider = provider.ToString(),
            };
        }

        /// <summary>Every credential the store can see for each vendor, in precedence order, described without keys.</summary>
        public IReadOnlyList<CredentialInfo> List()
        {
            var list = new List<CredentialInfo>();
            CredentialFile? file = null;
            string? fileProblem = null;
            try
            {
                file = CredentialFile.Load(UserFilePath, refuseOpenFile: true);
            }
            catch (DeepfakeException ex)
            {
                fileProblem = ex.Message;
            }

            foreach (var provider in new[] { ProviderKind.Ooto, ProviderKind.Verihubs })
            {
                var active = true;

                void Add(string? appId, string? keyHint, CredentialSource source, string location, string? problem)
                {
                    // The first entry by precedence is the one used; a problem there stops the lookup (Find throws).
                    list.Add(new CredentialInfo(provider, appId, keyHint, source, location, active && problem is null, problem));
                    active = false;
                }

                if (_session.TryGetValue(provider, out var session))
                {
                    Add(session.AppId, session.KeyHint, CredentialSource.Session, SessionLocation, null);
                }

                var fromEnvironment = ReadEnvironment(provider);
                if (fromEnvironment.Credential != null || fromEnvironment.Problem != null)
                {
                    Add(fromEnvironment.AppId, fromEnvironment.Credential?.KeyHint, CredentialSource.Environment, fromEnvironment.Location, fromEnvironment.Problem);
                }

                if (fileProblem != null)
                {
                    Add(null, null, CredentialSource.User, UserFilePath, fileProblem);
                }
                else if (file != null && file.Entries.TryGetValue(provider, out var entry))
                {
                    Add(entry.AppId, entry.Credential?.KeyHint, CredentialSource.User, file.Path, entry.Problem);
                }
            }

            return list;
        }

        private const string SessionLocation = "this session (process memory)";

        private EnvironmentEntry ReadEnvironment(ProviderKind provider)
        {
            var names = VariableNames(provider);
            var appId = Environment.GetVariable(names.AppId);
            var key = Environment.GetVariable(names.Key);
            var location = "environment variables " + names.AppId + " and " + names.Key;
            if (appId is null && key is null)
            {
                return new EnvironmentEntry(null, null, location, null);
            }

            if (key is null)
            {
                return new EnvironmentEntry(appId, null, location,
                    names.AppId + " is set but " + names.Key + " is not: set both, or unset " + names.AppId + " to use the saved " + provider + " credential.");
            }

            if (appId is null || appId.Trim().Length == 0)
            {
                return new EnvironmentEntry(null, null, location,
                    names.Key + " is set but " + names.AppId + " is not: set both, or unset " + names.Key + " to use the saved " + provider + " credential.");
            }

            return new EnvironmentEntry(appId, new ProviderCredential(appId, key), location, null);
        }

        private static ArgumentException NoCredential(ProviderKind provider) =>
            new ArgumentException("The " + provider + " provider needs no credential.", nameof(provider));

        private readonly struct EnvironmentEntry
        {
            public EnvironmentEntry(string? appId, ProviderCredential? credential, string location, string? problem)
            {
                AppId = appId;
                Credential = credential;
                Location = location;
                Problem = problem;
            }

            public string? AppId { get; }

            public ProviderCredential? Credential { get; }

            public string Location { get; }

            public string? Problem { get; }
        }
    }
}
