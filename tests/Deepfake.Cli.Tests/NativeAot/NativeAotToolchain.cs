using System.Runtime.InteropServices;

namespace Deepfake.Tests.NativeAot
{
    /// <summary>Whether this machine can build the native executable: Linux x64 with clang and zlib's headers.</summary>
    internal static class NativeAotToolchain
    {
        /// <summary>Why the native executable cannot be built here, or null when it can.</summary>
        public static readonly string? MissingReason = FindMissing();

        private static string? FindMissing()
        {
            if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
            {
                return "The README's native publish targets linux-x64 and this machine is " + RuntimeInformation.RuntimeIdentifier
                    + "; the native-executable checks did not run.";
            }

            var missing = new List<string>();
            if (!OnPath("clang")) missing.Add("clang is not on PATH");
            if (!File.Exists("/usr/include/zlib.h")) missing.Add("/usr/include/zlib.h is missing");
            return missing.Count == 0
                ? null
                : "The native executable cannot be built here (" + string.Join(", ", missing)
                    + "): apt-get install -y clang zlib1g-dev; the native-executable checks did not run.";
        }

        private static bool OnPath(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Any(dir => File.Exists(Path.Combine(dir, program)));
    }
}
