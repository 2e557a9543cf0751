using Deepfake.Sandbox;

namespace Deepfake.Tests.Support
{
    /// <summary>
    /// A temporary directory per test holding its images and its own configuration directory, and the
    /// <see cref="Cli"/> that runs in it. Deleted when the test ends.
    /// </summary>
    public sealed class Workspace : IDisposable
    {
        public Workspace()
        {
            Root = Path.Combine(Path.GetTempPath(), "deepfake-cli-" + Guid.NewGuid().ToString("N"));
            Images = Path.Combine(Root, "images");
            Directory.CreateDirectory(Images);
            Cli = new CliRunner(Path.Combine(Root, "config"));
        }

        public string Root { get; }

        public string Images { get; }

        public CliRunner Cli { get; }

        public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

        /// <summary>The shared astronaut photo with a sandbox marker that decides its outcome, e.g. <c>outcome=deepfake</c>.</summary>
        public string Photo(string name, string directives) =>
            Write(name, SandboxImages.WithMarker(File.ReadAllBytes(Fixture("astronaut.jpg")), directives));

        public string Write(string name, byte[] bytes)
        {
            var path = Path.Combine(Images, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public string WriteText(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

        public string Subdirectory(string name)
        {
            var path = Path.Combine(Images, name);
            Directory.CreateDirectory(path);
            return path;
        }

        /// <summary>Every file under the workspace except the credential store, for secret greps.</summary>
        public string AllWrittenText() => string.Join("\n", Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Cli.ConfigDirectory, StringComparison.Ordinal) || Path.GetFileName(f) != "credentials.json")
            .Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A process the test killed may still hold a file for a moment; the temp directory is reclaimed anyway.
            }
        }
    }
}
