using System.IO;

namespace Deepfake.Tests.Batch;

/// <summary>A temporary directory, deleted with everything in it.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "deepfake tests [" + Guid.NewGuid().ToString("N")[..8] + "] ü");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string File(string relative)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, new byte[] { 0xFF, 0xD8, 0xFF });
        return path;
    }

    public string Dir(string relative) => Directory.CreateDirectory(Path.Combine(Root, relative)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
