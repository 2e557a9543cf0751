using Deepfake.Sandbox;

namespace Deepfake.Campaign.Tests.Support;

/// <summary>A temporary directory per test: its images, one config directory per process, and the key scan at the end.</summary>
public sealed class Workspace : IDisposable
{
    private static readonly Lazy<byte[]> Jpeg = new(() => File.ReadAllBytes(Fixture("astronaut.jpg")));
    private static readonly Lazy<byte[]> Png = new(() => File.ReadAllBytes(Fixture("astronaut.png")));
    private int _runs;

    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "deepfake-campaign-" + Guid.NewGuid().ToString("N"));
        Images = Path.Combine(Root, "images");
        Directory.CreateDirectory(Images);
    }

    public string Root { get; }

    public string Images { get; }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The astronaut JPEG with a sandbox marker (always carrying a nonce, so every file has its own hash).</summary>
    public string Photo(string relativePath, string directives = "")
    {
        var marker = "nonce=" + relativePath + (directives.Length > 0 ? ";" + directives : string.Empty);
        return Write(relativePath, SandboxImages.WithMarker(Jpeg.Value, marker));
    }

    public string PngPhoto(string relativePath) => Write(relativePath, SandboxImages.WithMarker(Png.Value, "nonce=" + relativePath));

    public string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Images, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Runs deepfake with a fresh config directory under this workspace, so the final scan covers what it wrote.</summary>
    public Task<DeepfakeRun> RunAsync(params string[] args) =>
        DeepfakeProcess.RunAsync(Path.Combine(Root, "config-" + Interlocked.Increment(ref _runs)), args);

    public void AssertNoKeyInFiles()
    {
        var scanned = Secrets.AssertAbsentFromFiles(Root);
        Assert.True(scanned > 0);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Temp space is reclaimed anyway; a failed clean-up must not hide the test's own result.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
