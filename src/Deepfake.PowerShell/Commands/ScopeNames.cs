using Deepfake.Configuration;
using Deepfake.Credentials;

namespace Deepfake.Commands
{
    /// <summary>The -Scope values, named as PowerShellGet and PSResourceGet name theirs, and the core scopes they mean.</summary>
    internal static class ScopeNames
    {
        public const string Session = "Session";
        public const string CurrentUser = "CurrentUser";

        public static CredentialScope ToCredentialScope(string scope) =>
            scope == Session ? CredentialScope.Session : CredentialScope.User;

        public static SettingScope ToSettingScope(string scope) =>
            scope == Session ? SettingScope.Session : SettingScope.User;
    }
}
