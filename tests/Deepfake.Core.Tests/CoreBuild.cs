using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Deepfake.Tests;

/// <summary>
/// Which build of Deepfake.Core this test run loaded. The same test sources run against the net8.0 build
/// (Deepfake.Core.Tests) and the netstandard2.0 build Windows PowerShell 5.1 loads (Deepfake.Core.NetStandard.Tests);
/// a test whose subject differs by design between the two asks this, never a compile symbol.
/// </summary>
internal static class CoreBuild
{
    public const string NetStandard20 = ".NETStandard,Version=v2.0";

    public const string Net80 = ".NETCoreApp,Version=v8.0";

    /// <summary>The loaded Deepfake.Core's TargetFrameworkAttribute, e.g. ".NETStandard,Version=v2.0".</summary>
    public static readonly string Framework = FrameworkOf(typeof(DeepfakeException).Assembly.GetName().Name!);

    /// <summary>
    /// The build of each named assembly the test project means to load, from its csproj: AssemblyMetadata items
    /// "ExpectedFramework:Deepfake.Core" and the like.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> Expected = typeof(CoreBuild).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Where(a => a.Key.StartsWith(ExpectedPrefix, StringComparison.Ordinal))
        .ToDictionary(a => a.Key.Substring(ExpectedPrefix.Length), a => a.Value);

    private const string ExpectedPrefix = "ExpectedFramework:";

    /// <summary>The TargetFrameworkAttribute of the loaded assembly with this simple name.</summary>
    public static string FrameworkOf(string assemblyName) =>
        Assembly.Load(new AssemblyName(assemblyName)).GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName ?? "(none)";

    /// <summary>The Windows PowerShell 5.1 build: no link targets, no Unix file modes, HttpClientHandler.</summary>
    public static bool IsNetStandard => Framework == NetStandard20;

    /// <summary>
    /// Whether the loaded build gives the user files Unix modes: only the net8.0 build off Windows. netstandard2.0 has
    /// no API to set a mode, and that build only runs in Windows PowerShell 5.1, on Windows.
    /// </summary>
    public static bool SetsUnixFileModes => !IsNetStandard && !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
}

/// <summary>A fact about the owner-only Unix modes of the user files; skipped, with the reason, where there are none.</summary>
public sealed class UnixFileModesFactAttribute : FactAttribute
{
    public UnixFileModesFactAttribute()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            Skip = "Windows has no Unix file modes; the user files rely on the profile directory's ACL there.";
        }
        else if (CoreBuild.IsNetStandard)
        {
            Skip = "The netstandard2.0 build (" + CoreBuild.Framework + ") sets no Unix file mode by design: netstandard2.0 has no API for it, and that build only runs in Windows PowerShell 5.1, on Windows.";
        }
    }
}
