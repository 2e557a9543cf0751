using System.IO;
using Deepfake.Configuration;
using Deepfake.Credentials;

namespace Deepfake.Tests.Support
{
    /// <summary>A private configuration directory and environment, so no test touches the user's settings or keys.</summary>
    internal sealed class TempConfig : IDisposable
    {
        public TempConfig(IDictionary<string, string>? variables = null)
        {
            Directory = Path.Combine(Path.GetTempPath(), "deepfake-ps-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            Variables = new Dictionary<string, string>(variables ?? new Dictionary<string, string>());
            Environment = new DeepfakeEnvironment(name => Variables.TryGetValue(name, out var value) ? value : null, Directory);
            Settings = new DeepfakeSettings(Environment);
            Credentials = new CredentialStore(Environment);
        }

        public string Directory { get; }

        public Dictionary<string, string> Variables { get; }

        public DeepfakeEnvironment Environment { get; }

        public DeepfakeSettings Settings { get; }

        public CredentialStore Credentials { get; }

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
