using Deepfake.Providers;

namespace Deepfake.Credentials
{
    /// <summary>The credential that will be used for a provider, and where it came from.</summary>
    public sealed class FoundCredential
    {
        internal FoundCredential(ProviderKind provider, ProviderCredential credential, CredentialSource source, string location)
        {
            Provider = provider;
            Credential = credential;
            Source = source;
            Location = location;
        }

        public ProviderKind Provider { get; }

        public ProviderCredential Credential { get; }

        public CredentialSource Source { get; }

        /// <summary>Where exactly: "this session", the variable names, the file path.</summary>
        public string Location { get; }

        public override string ToString() => Provider + ": " + Credential + " from " + Location;
    }
}
