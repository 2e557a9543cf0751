using Deepfake.Sandbox;

namespace Deepfake.Campaign.Tests.Support;

/// <summary>A temporary directory per test: its images, one config directory per process, and the key scan at the end.</summary>
public sealed class Workspace : IDisposable
{
    private static readonly Lazy<byte[]> Jpeg = new(() => File.ReadAllBytes(Fixture("astronaut.jpg")));
    private static readonly Lazy<byte[]> Png = new(() => File.ReadAllBytes(Fixture("astronaut.png")));
    private int _runs;
    private int _images;

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
        var marker = "nonce=" + Interlocked.Increment(ref _images) + (directives.Length > 0 ? ";" + directives : string.Empty);
        return Write(relativePath, SandboxImages.WithMarker(Jpeg.Value, marker));
    }

    public string PngPhoto(string relativePath) => Write(relativePath, SandboxImages.WithMarker(Png.Value, "nonce=" + Interlocked.Increment(ref _images)));

    public string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Images, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>
    /// Runs deepfake with a fresh config directory under this workspace and keeps its stdout and stderr there too,
    /// so the final key scan covers everything the run wrote.
    /// </summary>
    public async Task<DeepfakeRun> RunAsync(params string[] args)
    {
        var n = Interlocked.Increment(ref _runs);
        var run = await DeepfakeProcess.RunAsync(Path.Combine(Root, "config-" + n), args);
        var outputs = Path.Combine(Root, "outputs");
        Directory.CreateDirectory(outputs);
        await File.WriteAllTextAsync(Path.Combine(outputs, n + ".stdout"), run.Stdout);
        await File.WriteAllTextAsync(Path.Combine(outputs, n + ".stderr"), run.Stderr);
        return run;
    }

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
