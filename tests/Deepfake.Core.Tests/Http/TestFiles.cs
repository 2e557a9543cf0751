using System.IO;
namespace Deepfake.Tests.Http;

/// <summary>Paths of the copied test data, and a scratch directory removed after the test.</summary>
public sealed class TestFiles : IDisposable
{
    public TestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "deepfake-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static string JpegFixture => Data("Fixtures/astronaut.jpg");

    public static string PngFixture => Data("Fixtures/astronaut.png");

    public static string Data(string relative) => Path.Combine(AppContext.BaseDirectory, relative);

    public static string ReadData(string relative) => File.ReadAllText(Data(relative));

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Copy(string source, string name) => Write(name, File.ReadAllBytes(source));

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
