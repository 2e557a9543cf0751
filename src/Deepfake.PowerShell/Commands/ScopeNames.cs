namespace Deepfake.Commands
{
    /// <summary>The -Scope values, named as PowerShellGet and PSResourceGet name theirs.</summary>
    internal static class ScopeNames
    {
        public const string Session = "Session";
        public const string CurrentUser = "CurrentUser";
    }
}
