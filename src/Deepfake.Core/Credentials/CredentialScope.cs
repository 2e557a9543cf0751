namespace Deepfake.Credentials
{
    /// <summary>Where <see cref="CredentialStore.Set"/> keeps a credential.</summary>
    public enum CredentialScope
    {
        /// <summary>In this process's memory, until it exits.</summary>
        Session,

        /// <summary>In the current user's credential file (DPAPI-protected on Windows, mode 0600 elsewhere).</summary>
        User,
    }
}
