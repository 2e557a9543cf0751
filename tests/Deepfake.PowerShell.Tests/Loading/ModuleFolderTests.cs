using System.IO;
using System.Reflection;
using Deepfake.Commands.Loading;
using Deepfake.Tests.Packaging;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Loading
{
    /// <summary>
    /// The Windows PowerShell 5.1 resolver's decisions, on the real Desktop folder: it must stand in for the binding
    /// redirects .NET Framework would need (a package asking for an older version of a package shipped beside it),
    /// and must answer nothing it does not ship.
    /// </summary>
    [Collection(AssembledModuleCollection.Name)]
    public sealed class ModuleFolderTests
    {
        private readonly AssembledModule _module;
        private readonly ModuleFolder _desktop;

        public ModuleFolderTests(AssembledModule module)
        {
            _module = module;
            _desktop = new ModuleFolder(module.File("Desktop"));
        }

        [Fact]
        public void A_request_for_an_older_version_of_a_shipped_package_is_answered_from_the_module_folder()
        {
            var shipped = Directory.GetFiles(_module.File("Desktop"), "*.dll").Select(AssemblyFacts.Read).ToDictionary(a => a.Name);
            var older = shipped.Values
                .SelectMany(a => a.References)
                .Where(r => shipped.TryGetValue(r.Name, out var s) && s.Version > r.Version)
                .ToList();
            Assert.NotEmpty(older); // the mismatches binding redirects would fix: the reason this resolver exists

            foreach (var (name, version) in older)
            {
                var requested = AssemblyName.GetAssemblyName(shipped[name].Path);
                requested.Version = version;
                Assert.Equal(Path.Combine(_module.File("Desktop"), name + ".dll"), _desktop.Find(requested));
            }
        }

        [Fact]
        public void A_request_for_a_newer_version_than_shipped_is_left_alone()
        {
            var requested = AssemblyName.GetAssemblyName(_module.File("Desktop", "System.Text.Json.dll"));
            requested.Version = new Version(99, 0, 0, 0);
            Assert.Null(_desktop.Find(requested));
        }

        [Fact]
        public void A_name_the_module_does_not_ship_is_left_alone()
        {
            Assert.Null(_desktop.Find(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0")));
            Assert.Null(_desktop.Find(new AssemblyName("System.Management.Automation")));
        }

        [Fact]
        public void A_request_with_another_public_key_is_left_alone()
        {
            var requested = AssemblyName.GetAssemblyName(_module.File("Desktop", "System.Text.Json.dll"));
            requested.SetPublicKeyToken(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
            Assert.Null(_desktop.Find(requested));
        }

        [Fact]
        public void A_name_that_would_leave_the_folder_is_left_alone()
        {
            Directory.CreateDirectory(_module.File("Desktop", "..", "Escape"));
            Assert.Null(_desktop.Find(new AssemblyName { Name = "../Core/Deepfake.PowerShell" }));
        }
    }
}
