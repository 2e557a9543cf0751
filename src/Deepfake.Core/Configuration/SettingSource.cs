namespace Deepfake.Configuration
{
    /// <summary>Where a resolved setting came from, most specific first.</summary>
    public enum SettingSource
    {
        /// <summary>Given by the caller (a parameter or an option).</summary>
        Explicit,

        Session,

        /// <summary>An environment variable.</summary>
        Environment,

        /// <summary>The user's settings file.</summary>
        User,

        /// <summary>Chosen because a credential was found for that provider.</summary>
        Credential,

        /// <summary>The built-in default: the vendor's production host, or the offline provider.</summary>
        BuiltIn,
    }
}
