using Deepfake.Providers;

namespace Deepfake.Credentials
{
    /// <summary>One credential the store can see, described without its key (for listing).</summary>
    public sealed class CredentialInfo
    {
        internal CredentialInfo(ProviderKind provider, string? appId, string? keyHint, CredentialSource source, string location, bool isActive, string? problem)
        {
            Provider = provider;
            AppId = appId;
            KeyHint = keyHint;
            Source = source;
            Location = location;
            IsActive = isActive;
            Problem = problem;
        }

        public ProviderKind Provider { get; }

        /// <summary>Null when the entry is unusable and the App ID is what is missing.</summary>
        public string? AppId { get; }

        /// <summary>The key's last characters (see <see cref="ProviderCredential.KeyHint"/>); null when no key is there.</summary>
        public string? KeyHint { get; }

        public CredentialSource Source { get; }

        public string Location { get; }

        /// <summary>Whether this is the credential a check would use now (the first usable one by precedence).</summary>
        public bool IsActive { get; }

        /// <summary>Why this entry cannot be used (half of an environment pair, an unreadable file); null when usable.</summary>
        public string? Problem { get; }

        public override string ToString() =>
            Provider + ": " + (AppId ?? "(no App ID)") + " (key " + (KeyHint ?? "missing") + ") from " + Location
            + (Problem is null ? string.Empty : " - " + Problem);
    }
}
