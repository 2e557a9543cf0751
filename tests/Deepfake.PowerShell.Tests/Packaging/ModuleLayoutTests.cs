using System.IO;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Packaging
{
    [Collection(AssembledModuleCollection.Name)]
    public sealed class ModuleLayoutTests
    {
        // What PowerShell 7.4 has loaded before any module: .NET 8's own assemblies. A reference above 8.0 to one
        // of them (System.Text.Json 9, say) makes Import-Module fail there.
        private static readonly Version NetEight = new Version(8, 0, 0, 0);

        private readonly AssembledModule _module;

        public ModuleLayoutTests(AssembledModule module)
        {
            _module = module;
        }

        [Fact]
        public void Every_file_the_manifest_names_is_in_the_assembled_folder()
        {
            var manifest = new ManifestReader(_module.File("Deepfake.psd1"));
            var named = new[] { manifest.String("RootModule") }
                .Concat(manifest.Array("FormatsToProcess"))
                .Concat(manifest.Array("TypesToProcess"));
            Assert.All(named, file => Assert.True(File.Exists(_module.File(file)), file + " is missing"));
            Assert.True(File.Exists(_module.File("en-US", "about_Deepfake.help.txt")));
            Assert.True(File.Exists(_module.File("Core", "en-US", "Deepfake.PowerShell.dll-Help.xml")));
            Assert.True(File.Exists(_module.File("Desktop", "en-US", "Deepfake.PowerShell.dll-Help.xml")));
        }

        [Fact]
        public void The_root_module_loads_binaries_that_exist_for_both_editions()
        {
            var root = File.ReadAllText(_module.File("Deepfake.psm1"));
            Assert.Contains("'Core'", root);
            Assert.Contains("'Desktop'", root);
            Assert.Contains("'Deepfake.PowerShell.dll'", root);

            Assert.Equal(".NETCoreApp,Version=v8.0", AssemblyFacts.Read(_module.File("Core", "Deepfake.PowerShell.dll")).TargetFramework);
            Assert.Equal(".NETCoreApp,Version=v8.0", AssemblyFacts.Read(_module.File("Core", "Dependencies", "Deepfake.Core.dll")).TargetFramework);
            Assert.Equal(".NETStandard,Version=v2.0", AssemblyFacts.Read(_module.File("Desktop", "Deepfake.PowerShell.dll")).TargetFramework);
            Assert.Equal(".NETStandard,Version=v2.0", AssemblyFacts.Read(_module.File("Desktop", "Deepfake.Core.dll")).TargetFramework);
        }

        [Fact]
        public void The_root_module_installs_the_engine_resolver_before_importing_the_cmdlets()
        {
            var root = File.ReadAllText(_module.File("Deepfake.psm1"));
            var install = root.IndexOf("[Deepfake.Commands.Loading.ModuleResolution]::Install()", StringComparison.Ordinal);
            var import = root.IndexOf("Import-Module -Name $binary", StringComparison.Ordinal);

            Assert.True(install > 0 && import > install, "Deepfake.psm1 must call ModuleResolution.Install before Import-Module.");
            using var core = new CmdletMetadata(_module.File("Core", "Deepfake.PowerShell.dll"));
            var resolver = core.Assembly.GetType("Deepfake.Commands.Loading.ModuleResolution")?.GetMethod("Install", Type.EmptyTypes);
            Assert.True(resolver is { IsPublic: true, IsStatic: true } && resolver.DeclaringType!.IsPublic, "ModuleResolution.Install must be public and static for the psm1 to call it.");
        }

        [Fact]
        public void Both_editions_builds_export_the_same_cmdlets_with_the_same_parameters()
        {
            using var core = new CmdletMetadata(_module.File("Core", "Deepfake.PowerShell.dll"));
            using var desktop = new CmdletMetadata(_module.File("Desktop", "Deepfake.PowerShell.dll"));

            Assert.Equal(Shape(core), Shape(desktop));
            Assert.NotEmpty(Shape(core));
        }

        [Fact]
        public void The_Core_folder_holds_only_the_cmdlets_so_nothing_else_loads_into_PowerShells_default_context()
        {
            Assert.Equal(
                new[] { "Deepfake.PowerShell.dll" },
                Directory.GetFiles(_module.File("Core"), "*.dll").Select(Path.GetFileName));
        }

        [Fact]
        public void PowerShell_itself_is_never_shipped()
        {
            Assert.Empty(Directory.GetFiles(_module.ModulePath, "System.Management.Automation.dll", SearchOption.AllDirectories));
        }

        [Fact]
        public void The_Core_build_references_nothing_above_what_NET_8_and_PowerShell_7_4_already_load()
        {
            var shipped = Directory.GetFiles(_module.File("Core"), "*.dll", SearchOption.AllDirectories)
                .Select(AssemblyFacts.Read)
                .ToList();
            var shippedNames = shipped.Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

            var tooNew = shipped
                .SelectMany(a => a.References.Select(r => (From: a.Name, r.Name, r.Version)))
                .Where(r => !shippedNames.Contains(r.Name) && IsPlatform(r.Name) && r.Version > NetEight)
                .Select(r => r.From + " -> " + r.Name + " " + r.Version)
                .ToList();

            Assert.Empty(tooNew);
            Assert.DoesNotContain("System.Text.Json", shippedNames);
        }

        [Fact]
        public void Every_Desktop_dependency_is_shipped_at_the_requested_version_or_later()
        {
            var shipped = Directory.GetFiles(_module.File("Desktop"), "*.dll")
                .Select(AssemblyFacts.Read)
                .ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);

            var unmet = shipped.Values
                .SelectMany(a => a.References.Select(r => (From: a.Name, r.Name, r.Version)))
                .Where(r => !IsDesktopFramework(r.Name) && r.Name != "System.Management.Automation")
                .Where(r => !shipped.TryGetValue(r.Name, out var found) || found.Version < r.Version)
                .Select(r => r.From + " -> " + r.Name + " " + r.Version)
                .ToList();

            Assert.Empty(unmet);
            Assert.Equal(8, shipped["System.Text.Json"].Version.Major);
        }

        private static IEnumerable<string> Shape(CmdletMetadata metadata) =>
            metadata.Cmdlets.SelectMany(c => c.Parameters.Select(p => c.Name + " -" + p.Name + " " + p.PropertyType.FullName));

        private static bool IsPlatform(string name) =>
            name is "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) ||
            name.StartsWith("Microsoft.", StringComparison.Ordinal) || name == "System";

        // The .NET Framework 4.7.2 assemblies a netstandard2.0 library can reference without shipping them.
        private static bool IsDesktopFramework(string name) =>
            name is "netstandard" or "mscorlib" or "System" or "System.Core" or "System.Numerics" or "System.Xml" or
                "System.Xml.Linq" or "System.Data" or "System.Drawing" or "System.Net.Http" or "System.Runtime.Serialization" or
                "System.ComponentModel.Composition" or "System.Configuration" or "System.Security";
    }
}
