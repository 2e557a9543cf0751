using System.Diagnostics;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.NativeAot
{
    /// <summary>
    /// Publishes the native executable once per test run with the README's command, into a temporary folder, and hands
    /// its path to the tests. Other test assemblies build src/ in Release at the same time, so everything this publish
    /// writes (obj, bin, the output) goes under that folder. A failed publish fails every test in the collection, with
    /// the whole log; only a machine that cannot build it (see <see cref="NativeAotToolchain"/>) skips them.
    /// </summary>
    public sealed class NativeAotBuild : IAsyncLifetime
    {
        // Cold, on two cores shared with the other test assemblies' builds, the restore and ILCompiler take a few minutes.
        private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);
        private readonly string _root = Path.Combine(Path.GetTempPath(), "deepfake-native-" + Guid.NewGuid().ToString("N"));
        private string? _executablePath;

        /// <summary>The published <c>deepfake</c>; only tests that the toolchain check lets run may ask for it.</summary>
        public string ExecutablePath => _executablePath ?? throw new InvalidOperationException(
            "The native executable was not built: " + NativeAotToolchain.MissingReason);

        public string PublishLog { get; private set; } = string.Empty;

        /// <summary>The README's publish command (after <c>dotnet</c>), run from the repository root.</summary>
        public static string[] ReadmeCommand(string outputDirectory) =>
            new[] { "publish", "src/Deepfake.Cli", "-c", "Release", "-r", "linux-x64", "-p:NativeAot=true", "-o", outputDirectory };

        public async Task InitializeAsync()
        {
            if (NativeAotToolchain.MissingReason != null) return;

            var output = Path.Combine(_root, "out");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepositoryRoot.Path,
            };
            foreach (var argument in ReadmeCommand(output).Concat(new[]
            {
                // obj and bin of this publish (and of Deepfake.Core under it) go here, not under src/, where the
                // concurrent Release builds of the other test assemblies write.
                "--artifacts-path", Path.Combine(_root, "artifacts"),
                // No build servers: they would outlive the test run holding its output pipes open.
                "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false",
            }))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(PublishTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new TimeoutException("The native publish did not finish within " + PublishTimeout + ":\n" + await stdout + await stderr);
            }

            PublishLog = await stdout + await stderr;
            var executable = Path.Combine(output, "deepfake");
            if (process.ExitCode != 0 || !File.Exists(executable))
            {
                throw new InvalidOperationException("dotnet " + string.Join(" ", start.ArgumentList) + " failed (exit " + process.ExitCode
                    + (File.Exists(executable) ? string.Empty : ", no " + executable) + "):\n" + PublishLog);
            }

            _executablePath = executable;
        }

        public Task DisposeAsync()
        {
            try
            {
                if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; a failed cleanup must not fail the run.
            }

            return Task.CompletedTask;
        }
    }

    [CollectionDefinition(Name)]
    public sealed class NativeAotBuildCollection : ICollectionFixture<NativeAotBuild>
    {
        public const string Name = "Native executable";
    }
}
