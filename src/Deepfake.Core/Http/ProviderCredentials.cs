using Deepfake.Credentials;

namespace Deepfake.Http
{
    /// <summary>Fails a check without a request when no credential was configured, saying how to give one.</summary>
    internal static class ProviderCredentials
    {
        public static ProviderCredential Require(ProviderCredential? credential, string provider, string source, string appIdVariable, string keyVariable)
        {
            if (credential != null)
            {
                return credential;
            }

            throw new DeepfakeException(
                DeepfakeErrorCode.Unauthorized,
                $"No {provider} credential is configured. Pass one explicitly, save one in the credential store, or set {appIdVariable} and {keyVariable}.")
            {
                Provider = provider,
                InputSource = source,
            };
        }
    }
}
