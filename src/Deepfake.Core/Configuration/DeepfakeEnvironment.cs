using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Deepfake.Configuration
{
    /// <summary>
    /// Where the credential store and the settings look: environment variables and the per-user configuration
    /// directory. <see cref="Process"/> reads the real ones; tests construct their own.
    /// </summary>
    public sealed class DeepfakeEnvironment
    {
        public const string ConfigDirectoryVariable = "DEEPFAKE_CONFIG_DIR";

        private readonly Func<string, string?> _getVariable;
        private readonly string? _configDirectory;

        /// <param name="getVariable">Reads an environment variable; null or empty means unset.</param>
        /// <param name="configDirectory">Overrides the directory that would be derived from the variables.</param>
        public DeepfakeEnvironment(Func<string, string?> getVariable, string? configDirectory = null)
        {
            _getVariable = getVariable ?? throw new ArgumentNullException(nameof(getVariable));
            _configDirectory = configDirectory;
        }

        /// <summary>The process's environment variables and the user's real configuration directory.</summary>
        public static DeepfakeEnvironment Process { get; } = new DeepfakeEnvironment(Environment.GetEnvironmentVariable);

        /// <summary>The variable's value, or null when it is unset or empty.</summary>
        public string? GetVariable(string name)
        {
            var value = _getVariable(name);
            return string.IsNullOrEmpty(value) ? null : value;
        }

        /// <summary>
        /// <c>DEEPFAKE_CONFIG_DIR</c> when set, else <c>%APPDATA%\Deepfake</c> on Windows and
        /// <c>$XDG_CONFIG_HOME/deepfake</c> or <c>~/.config/deepfake</c> elsewhere. Read each time, never cached.
        /// </summary>
        public string ConfigDirectory
        {
            get
            {
                var directory = _configDirectory ?? GetVariable(ConfigDirectoryVariable);
                if (directory != null)
                {
                    return Path.GetFullPath(directory);
                }

                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    var appData = GetVariable("APPDATA") ?? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
                    return Path.Combine(appData, "Deepfake");
                }

                // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
                var xdg = GetVariable("XDG_CONFIG_HOME");
                if (xdg != null && Path.IsPathRooted(xdg))
                {
                    return Path.Combine(xdg, "deepfake");
                }

                var home = GetVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                if (string.IsNullOrEmpty(home))
                {
                    throw new DeepfakeException(DeepfakeErrorCode.InvalidRequest,
                        "There is no home directory to keep settings in; set " + ConfigDirectoryVariable + " to a directory of your own.");
                }

                return Path.Combine(home, ".config", "deepfake");
            }
        }
    }
}
