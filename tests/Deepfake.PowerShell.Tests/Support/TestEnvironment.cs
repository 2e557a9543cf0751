using System.IO;
using System.Reflection;

namespace Deepfake.Tests.Support
{
    /// <summary>Build-time facts the test project records in its own assembly metadata.</summary>
    internal static class TestEnvironment
    {
        public static string RepositoryRoot => Metadata("RepositoryRoot");

        public static string Configuration => Metadata("Configuration");

        /// <summary>PowerShell's reference assembly, from the NuGet cache the build restored it to.</summary>
        public static string PowerShellReferenceAssembly =>
            Path.Combine(Metadata("NuGetPackageRoot"), "powershellstandard.library", "5.1.0-preview-06", "lib", "netstandard2.0", "System.Management.Automation.dll");

        /// <summary>The net8.0 cmdlet assembly the project reference copied beside the tests.</summary>
        public static string CmdletAssemblyPath => Path.Combine(AppContext.BaseDirectory, "Deepfake.PowerShell.dll");

        public static string InRepository(params string[] parts) => Path.Combine(new[] { RepositoryRoot }.Concat(parts).ToArray());

        private static string Metadata(string key) =>
            typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException("The test build did not record " + key + ".");
    }
}
