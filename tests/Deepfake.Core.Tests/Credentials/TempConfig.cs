using System.IO;
using Deepfake.Configuration;

namespace Deepfake.Tests.Credentials;

/// <summary>A temporary configuration directory (not created until something is saved) and a fake environment.</summary>
internal sealed class TempConfig : IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "deepfake config " + Guid.NewGuid().ToString("N")[..8]);

    public TempConfig()
    {
        System.IO.Directory.CreateDirectory(_parent);
        Directory = Path.Combine(_parent, "deepfake");
        Environment = new DeepfakeEnvironment(name => Variables.TryGetValue(name, out var value) ? value : null);
        Variables[DeepfakeEnvironment.ConfigDirectoryVariable] = Directory;
    }

    public Dictionary<string, string> Variables { get; } = new();

    public string Directory { get; }

    public DeepfakeEnvironment Environment { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_parent, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
