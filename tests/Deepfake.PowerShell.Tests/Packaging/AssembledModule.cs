using System.Diagnostics;
using System.IO;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Packaging
{
    /// <summary>
    /// Runs the same MSBuild target build.ps1 runs (AssembleModule) once, into a temporary folder, and hands
    /// the assembled module folder to the tests.
    /// </summary>
    public sealed class AssembledModule : IDisposable
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
        private readonly string _root;

        public AssembledModule()
        {
            _root = Path.Combine(Path.GetTempPath(), "deepfake-module-" + Guid.NewGuid().ToString("N"));
            ModulePath = Path.Combine(_root, "Deepfake");

            var project = TestEnvironment.InRepository("src", "Deepfake.PowerShell", "Deepfake.PowerShell.csproj");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "build", project, "-t:AssembleModule", "-c", TestEnvironment.Configuration, "--no-restore",
                "-p:ModuleOutputPath=" + ModulePath + Path.DirectorySeparatorChar,
                // No build servers: they would outlive the test run holding its output pipes open.
                "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false",
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)BuildTimeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("AssembleModule did not finish within " + BuildTimeout + ".");
            }

            BuildLog = output.Result + error.Result;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("AssembleModule failed (exit " + process.ExitCode + "):\n" + BuildLog);
            }
        }

        public string ModulePath { get; }

        public string BuildLog { get; }

        public string File(params string[] parts) => Path.Combine(new[] { ModulePath }.Concat(parts).ToArray());

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; a failed cleanup must not fail the run.
            }
        }
    }

    [CollectionDefinition(Name)]
    public sealed class AssembledModuleCollection : ICollectionFixture<AssembledModule>
    {
        public const string Name = "Assembled module";
    }
}
