namespace Deepfake.Configuration
{
    /// <summary>Where a setting is kept.</summary>
    public enum SettingScope
    {
        /// <summary>In this process's memory, until it exits.</summary>
        Session,

        /// <summary>In <c>settings.json</c> in the user's configuration directory.</summary>
        User,
    }
}
