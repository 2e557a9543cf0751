using System.IO;
using Deepfake.Local;

namespace Deepfake.Tests.Local;

/// <summary>A temporary folder of test files, deleted afterwards, and a provider to check them with.</summary>
public sealed class TempFiles : IDisposable
{
    public TempFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "deepfake-local-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static Task<DeepfakeResult> Check(string path, LocalOptions? options = null)
    {
        using var provider = new LocalProvider(options);
        return provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default);
    }

    public Task<DeepfakeResult> Check(string name, byte[] bytes, LocalOptions? options = null) => Check(Write(name, bytes), options);

    /// <summary>The repository root (the folder holding Deepfake.sln), found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Deepfake.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Deepfake.sln not found above " + AppContext.BaseDirectory);
    }

    public static byte[] Photo() => File.ReadAllBytes(Path.Combine(RepositoryRoot(), "samples", "photo-no-declarations.jpg"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the OS cleans the temp folder.
        }
    }
}
