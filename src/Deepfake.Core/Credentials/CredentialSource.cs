namespace Deepfake.Credentials
{
    /// <summary>Where a credential was found, in order of precedence: the first one found wins.</summary>
    public enum CredentialSource
    {
        /// <summary>Passed by the caller (<c>-Credential</c>).</summary>
        Explicit,

        /// <summary>Set for this session (process memory).</summary>
        Session,

        /// <summary>The provider's pair of environment variables.</summary>
        Environment,

        /// <summary>The current user's credential file.</summary>
        User,
    }
}
