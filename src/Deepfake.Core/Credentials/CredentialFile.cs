using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Deepfake.Configuration;
using Deepfake.Providers;

namespace Deepfake.Credentials
{
    /// <summary>
    /// The user's credential file: <c>{"version":1,"credentials":{"Ooto":{"appId":"…","key":"…","protection":"dpapi"}}}</c>.
    /// On Windows the key is DPAPI-protected for the current user; elsewhere it is plain text in a 0600 file, the
    /// way ~/.aws/credentials and ~/.netrc keep theirs. Error messages name the file and the line, never a value
    /// from it (a JSON parser's message can quote the character it choked on).
    /// </summary>
    internal sealed class CredentialFile
    {
        public const string FileName = "credentials.json";

        private const string Dpapi = "dpapi";
        private const string Plain = "none";
        private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("Deepfake.Credentials.v1");
        private static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        private CredentialFile(string path, Dictionary<ProviderKind, Entry> entries)
        {
            Path = path;
            Entries = entries;
        }

        public string Path { get; }

        public Dictionary<ProviderKind, Entry> Entries { get; }

        /// <summary>
        /// Loads the file (empty when it does not exist). With <paramref name="refuseOpenFile"/> a file that other
        /// users can read is refused, as ssh refuses such a key: the secret may already have leaked.
        /// </summary>
        public static CredentialFile Load(string path, bool refuseOpenFile)
        {
            var text = UserFile.ReadText(path);
            var entries = new Dictionary<ProviderKind, Entry>();
            if (text is null)
            {
                return new CredentialFile(path, entries);
            }

            if (refuseOpenFile && UserFile.IsOpenToOthers(path, out var mode))
            {
                throw new DeepfakeException(DeepfakeErrorCode.AccessDenied,
                    "The credential file '" + path + "' can be read or written by other users (mode " + mode + "), so it is not used. "
                    + "Run 'chmod 600 \"" + path + "\"' if nobody else could have read it; otherwise replace the keys at the vendor and set them again.");
            }

            try
            {
                using (var document = JsonDocument.Parse(text))
                {
                    if (document.RootElement.ValueKind == JsonValueKind.Object
                        && document.RootElement.TryGetProperty("credentials", out var credentials)
                        && credentials.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in credentials.EnumerateObject())
                        {
                            if (Enum.TryParse<ProviderKind>(property.Name, ignoreCase: true, out var kind) && property.Value.ValueKind == JsonValueKind.Object)
                            {
                                entries[kind] = ReadEntry(path, kind, property.Value);
                            }
                        }
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new DeepfakeException(DeepfakeErrorCode.InvalidRequest,
                    "The credential file '" + path + "' is not valid JSON (line " + ((ex.LineNumber ?? 0) + 1) + "). Delete it and set the credentials again.");
            }

            return new CredentialFile(path, entries);
        }

        public void Save()
        {
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("version", 1);
                writer.WriteStartObject("credentials");
                foreach (var pair in Entries)
                {
                    if (pair.Value.Credential is null)
                    {
                        continue;
                    }

                    writer.WriteStartObject(pair.Key.ToString());
                    writer.WriteString("appId", pair.Value.Credential.AppId);
                    writer.WriteString("protection", IsWindows ? Dpapi : Plain);
                    writer.WriteString("key", Protect(pair.Value.Credential.Key));
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            UserFile.WriteAtomically(Path, Encoding.UTF8.GetString(buffer.ToArray()));
        }

        private static Entry ReadEntry(string path, ProviderKind kind, JsonElement element)
        {
            var appId = GetString(element, "appId");
            var key = GetString(element, "key");
            var protection = GetString(element, "protection") ?? Plain;
            if (string.IsNullOrWhiteSpace(appId) || string.IsNullOrEmpty(key))
            {
                return new Entry(null, appId, "The " + kind + " entry in '" + path + "' lacks its App ID or key; set the credential again.");
            }

            string? plain;
            string? problem = null;
            try
            {
                plain = Unprotect(key!, protection);
            }
            catch (Exception ex) when (ex is CryptographicException || ex is FormatException || ex is PlatformNotSupportedException)
            {
                plain = null;
                problem = "The " + kind + " key in '" + path + "' cannot be decrypted here (it is protected with '" + protection
                    + "' for another user or machine); set the credential again.";
            }

            if (plain is null || plain.Length == 0)
            {
                return new Entry(null, appId, problem ?? "The " + kind + " entry in '" + path + "' uses an unknown protection '" + protection + "'; set the credential again.");
            }

            return new Entry(new ProviderCredential(appId!, plain), appId, null);
        }

        private static string? GetString(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string Protect(string key)
        {
            var bytes = Encoding.UTF8.GetBytes(key);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return Convert.ToBase64String(ProtectedData.Protect(bytes, Entropy, DataProtectionScope.CurrentUser));
            }

            return key;
        }

        private static string? Unprotect(string stored, string protection)
        {
            if (protection == Plain)
            {
                return stored;
            }

            if (protection == Dpapi)
            {
                if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    throw new PlatformNotSupportedException();
                }

                return Encoding.UTF8.GetString(ProtectedData.Unprotect(Convert.FromBase64String(stored), Entropy, DataProtectionScope.CurrentUser));
            }

            return null;
        }

        internal sealed class Entry
        {
            public Entry(ProviderCredential? credential, string? appId, string? problem)
            {
                Credential = credential;
                AppId = appId;
                Problem = problem;
            }

            /// <summary>Null when the entry cannot be used; <see cref="Problem"/> says why.</summary>
            public ProviderCredential? Credential { get; }

            public string? AppId { get; }

            public string? Problem { get; }
        }
    }
}
