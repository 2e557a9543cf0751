using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Deepfake.Credentials;
using Deepfake.Providers;

namespace Deepfake.Configuration
{
    /// <summary>
    /// Each vendor's endpoint and the default provider, kept per session (process memory) and per user
    /// (<c>settings.json</c> beside the credential file), resolved with the reason the adapters print in verbose
    /// output. Both adapters use <see cref="Default"/>. Thread-safe.
    /// </summary>
    public sealed class DeepfakeSettings
    {
        public const string FileName = "settings.json";

        private static readonly object FileLock = new object();
        private readonly object _sessionLock = new object();
        private readonly Dictionary<ProviderKind, Uri> _sessionEndpoints = new Dictionary<ProviderKind, Uri>();
        private ProviderKind? _sessionDefaultProvider;

        /// <summary>Settings with a session of their own (tests, tools); adapters use <see cref="Default"/>.</summary>
        public DeepfakeSettings(DeepfakeEnvironment? environment = null)
        {
            Environment = environment ?? DeepfakeEnvironment.Process;
        }

        /// <summary>The process's settings: the session scope lives as long as the process.</summary>
        public static DeepfakeSettings Default { get; } = new DeepfakeSettings(DeepfakeEnvironment.Process);

        public DeepfakeEnvironment Environment { get; }

        public string UserFilePath => Path.Combine(Environment.ConfigDirectory, FileName);

        /// <summary>The vendor's production host, used when nothing else is configured.</summary>
        public static Uri ProductionEndpoint(ProviderKind provider)
        {
            switch (provider)
            {
                case ProviderKind.Ooto:
                    return new Uri("https://cloud.ooto-ai.com");
                case ProviderKind.Verihubs:
                    return new Uri("https://api.verihubs.com");
                default:
                    throw NoEndpoint(provider);
            }
        }

        /// <summary>The environment variable that overrides a vendor's endpoint.</summary>
        public static string EndpointVariable(ProviderKind provider)
        {
            ProductionEndpoint(provider);
            return "DEEPFAKE_" + provider.ToString().ToUpperInvariant() + "_ENDPOINT";
        }

        /// <summary>
        /// Reads an endpoint typed by a user: an absolute http or https URL without user name or password.
        /// <paramref name="origin"/> names where it came from in the error (for example "--endpoint").
        /// </summary>
        public static Uri ParseEndpoint(string text, string origin)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
            {
                throw InvalidEndpoint(text, origin);
            }

            return ValidateEndpoint(uri, origin);
        }

        /// <summary>Returns <paramref name="endpoint"/> when it is usable; otherwise throws a <see cref="DeepfakeException"/> that says what is wrong.</summary>
        public static Uri ValidateEndpoint(Uri endpoint, string origin)
        {
            if (endpoint is null) throw new ArgumentNullException(nameof(endpoint));
            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps) || endpoint.Host.Length == 0)
            {
                throw InvalidEndpoint(endpoint.OriginalString, origin);
            }

            if (endpoint.UserInfo.Length > 0)
            {
                // A password in the URL would end up in logs and verbose output; credentials have their own store.
                throw new DeepfakeException(DeepfakeErrorCode.InvalidRequest,
                    "The endpoint from " + origin + " contains a user name or password; remove it (credentials are set with Set-DeepfakeCredential or 'deepfake credential set').");
            }

            return endpoint;
        }

        public void SetEndpoint(ProviderKind provider, Uri endpoint, SettingScope scope)
        {
            ProductionEndpoint(provider);
            ValidateEndpoint(endpoint, "the " + provider + " endpoint");
            if (scope == SettingScope.Session)
            {
                lock (_sessionLock) _sessionEndpoints[provider] = endpoint;
                return;
            }

            UpdateUserFile(file => file.Endpoints[provider] = endpoint);
        }

        /// <summary>Forgets the provider's endpoint in that scope; false when none was set.</summary>
        public bool ClearEndpoint(ProviderKind provider, SettingScope scope)
        {
            ProductionEndpoint(provider);
            if (scope == SettingScope.Session)
            {
                lock (_sessionLock) return _sessionEndpoints.Remove(provider);
            }

            var removed = false;
            UpdateUserFile(file => removed = file.Endpoints.Remove(provider));
            return removed;
        }

        /// <summary>Sets (or with null, clears) the default provider in that scope.</summary>
        public void SetDefaultProvider(ProviderKind? provider, SettingScope scope)
        {
            if (scope == SettingScope.Session)
            {
                lock (_sessionLock) _sessionDefaultProvider = provider;
                return;
            }

            UpdateUserFile(file => file.DefaultProvider = provider);
        }

        /// <summary>explicit &gt; session &gt; <c>DEEPFAKE_&lt;VENDOR&gt;_ENDPOINT</c> &gt; user settings &gt; the vendor's production host.</summary>
        public ResolvedSetting<Uri> ResolveEndpoint(ProviderKind provider, Uri? explicitEndpoint = null)
        {
            var variable = EndpointVariable(provider);
            if (explicitEndpoint != null)
            {
                var uri = ValidateEndpoint(explicitEndpoint, "the " + provider + " endpoint given");
                return new ResolvedSetting<Uri>(uri, SettingSource.Explicit, provider + " endpoint " + uri + ": given explicitly");
            }

            lock (_sessionLock)
            {
                if (_sessionEndpoints.TryGetValue(provider, out var session))
                {
                    return new ResolvedSetting<Uri>(session, SettingSource.Session, provider + " endpoint " + session + ": set for this session");
                }
            }

            var fromVariable = Environment.GetVariable(variable);
            if (fromVariable != null)
            {
                var uri = ParseEndpoint(fromVariable, variable);
                return new ResolvedSetting<Uri>(uri, SettingSource.Environment, provider + " endpoint " + uri + ": from " + variable);
            }

            var file = SettingsFile.Load(UserFilePath);
            if (file.Endpoints.TryGetValue(provider, out var user))
            {
                return new ResolvedSetting<Uri>(user, SettingSource.User, provider + " endpoint " + user + ": from " + file.Path);
            }

            var production = ProductionEndpoint(provider);
            return new ResolvedSetting<Uri>(production, SettingSource.BuiltIn, provider + " endpoint " + production + ": the vendor's production host (no other endpoint is configured)");
        }

        /// <summary>
        /// explicit &gt; session &gt; user settings &gt; the first vendor (Ooto, then Verihubs) with a credential in
        /// <paramref name="credentials"/> &gt; Local.
        /// </summary>
        public ResolvedSetting<ProviderKind> ResolveDefaultProvider(CredentialStore credentials, ProviderKind? explicitProvider = null)
        {
            if (credentials is null) throw new ArgumentNullException(nameof(credentials));
            if (explicitProvider.HasValue)
            {
                return new ResolvedSetting<ProviderKind>(explicitProvider.Value, SettingSource.Explicit, explicitProvider.Value + ": given explicitly");
            }

            lock (_sessionLock)
            {
                if (_sessionDefaultProvider.HasValue)
                {
                    return new ResolvedSetting<ProviderKind>(_sessionDefaultProvider.Value, SettingSource.Session, _sessionDefaultProvider.Value + ": the default provider set for this session");
                }
            }

            var file = SettingsFile.Load(UserFilePath);
            if (file.DefaultProvider.HasValue)
            {
                return new ResolvedSetting<ProviderKind>(file.DefaultProvider.Value, SettingSource.User, file.DefaultProvider.Value + ": the default provider in " + file.Path);
            }

            foreach (var vendor in new[] { ProviderKind.Ooto, ProviderKind.Verihubs })
            {
                var found = credentials.Find(vendor);
                if (found != null)
                {
                    return new ResolvedSetting<ProviderKind>(vendor, SettingSource.Credential, vendor + ": the first vendor with a credential (" + found.Location + ")");
                }
            }

            return new ResolvedSetting<ProviderKind>(ProviderKind.Local, SettingSource.BuiltIn, "Local: no vendor credential is configured");
        }

        private void UpdateUserFile(Action<SettingsFile> change)
        {
            lock (FileLock)
            {
                var file = SettingsFile.Load(UserFilePath);
                change(file);
                file.Save();
            }
        }

        private static DeepfakeException InvalidEndpoint(string text, string origin) =>
            new DeepfakeException(DeepfakeErrorCode.InvalidRequest,
                "'" + text + "' (from " + origin + ") is not a usable endpoint: give an absolute http or https URL, for example https://cloud.ooto-ai.com.");

        private static ArgumentException NoEndpoint(ProviderKind provider) =>
            new ArgumentException("The " + provider + " provider has no endpoint.", nameof(provider));

        /// <summary><c>{"version":1,"defaultProvider":"Ooto","endpoints":{"Ooto":"https://…"}}</c></summary>
        private sealed class SettingsFile
        {
            private SettingsFile(string path)
            {
                Path = path;
            }

            public string Path { get; }

            public ProviderKind? DefaultProvider { get; set; }

            public Dictionary<ProviderKind, Uri> Endpoints { get; } = new Dictionary<ProviderKind, Uri>();

            public static SettingsFile Load(string path)
            {
                var file = new SettingsFile(path);
                var text = UserFile.ReadText(path);
                if (text is null)
                {
                    return file;
                }

                try
                {
                    using (var document = JsonDocument.Parse(text))
                    {
                        var root = document.RootElement;
                        if (root.ValueKind != JsonValueKind.Object)
                        {
                            throw Corrupt(path, "it is not a JSON object");
                        }

                        if (root.TryGetProperty("defaultProvider", out var provider) && provider.ValueKind == JsonValueKind.String)
                        {
                            if (!Enum.TryParse<ProviderKind>(provider.GetString(), ignoreCase: true, out var kind))
                            {
                                throw Corrupt(path, "its defaultProvider '" + provider.GetString() + "' is not one of Local, Ooto, Verihubs");
                            }

                            file.DefaultProvider = kind;
                        }

                        if (root.TryGetProperty("endpoints", out var endpoints) && endpoints.ValueKind == JsonValueKind.Object)
                        {
                            foreach (var property in endpoints.EnumerateObject())
                            {
                                if (Enum.TryParse<ProviderKind>(property.Name, ignoreCase: true, out var kind) && kind != ProviderKind.Local
                                    && property.Value.ValueKind == JsonValueKind.String)
                                {
                                    file.Endpoints[kind] = ParseEndpoint(property.Value.GetString()!, path);
                                }
                            }
                        }
                    }
                }
                catch (JsonException ex)
                {
                    throw Corrupt(path, "it is not valid JSON (line " + ((ex.LineNumber ?? 0) + 1) + ")");
                }

                return file;
            }

            public void Save()
            {
                var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("version", 1);
                    if (DefaultProvider.HasValue)
                    {
                        writer.WriteString("defaultProvider", DefaultProvider.Value.ToString());
                    }

                    writer.WriteStartObject("endpoints");
                    foreach (var pair in Endpoints)
                    {
                        writer.WriteString(pair.Key.ToString(), pair.Value.OriginalString);
                    }

                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                UserFile.WriteAtomically(Path, Encoding.UTF8.GetString(buffer.ToArray()));
            }

            private static DeepfakeException Corrupt(string path, string why) =>
                new DeepfakeException(DeepfakeErrorCode.InvalidRequest, "The settings file '" + path + "' cannot be used: " + why + ". Fix or delete it.");
        }
    }
}
