using Deepfake.Tests.Support;

namespace Deepfake.Tests.Contract
{
    public sealed class ManifestTests
    {
        private readonly ManifestReader _manifest = new ManifestReader(TestEnvironment.InRepository("Deepfake.psd1"));

        [Fact]
        public void CmdletsToExport_lists_exactly_the_compiled_cmdlets()
        {
            using var metadata = new CmdletMetadata();
            Assert.Equal(
                metadata.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal),
                _manifest.Array("CmdletsToExport").OrderBy(n => n, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("CmdletsToExport")]
        [InlineData("FunctionsToExport")]
        [InlineData("VariablesToExport")]
        [InlineData("AliasesToExport")]
        public void Exports_are_explicit_lists_without_wildcards(string key)
        {
            Assert.All(_manifest.Array(key), name => Assert.DoesNotContain("*", name));
        }

        [Fact]
        public void The_module_declares_both_editions_and_Windows_PowerShell_5_1()
        {
            Assert.Equal(new[] { "Desktop", "Core" }, _manifest.Array("CompatiblePSEditions"));
            Assert.Equal("5.1", _manifest.String("PowerShellVersion"));
        }

        [Fact]
        public void The_gallery_metadata_is_present()
        {
            Assert.NotEmpty(_manifest.Array("Tags"));
            Assert.True(Uri.TryCreate(_manifest.String("ProjectUri"), UriKind.Absolute, out _));
            Assert.True(Uri.TryCreate(_manifest.String("LicenseUri"), UriKind.Absolute, out _));
            Assert.Matches(@"^\d+\.\d+\.\d+$", _manifest.String("ModuleVersion"));
            Assert.True(Guid.TryParse(_manifest.String("GUID"), out _));
        }

        [Fact]
        public void The_root_module_and_the_format_and_type_files_are_in_the_module_sources()
        {
            var sources = TestEnvironment.InRepository("src", "Deepfake.PowerShell", "Module");
            var named = new[] { _manifest.String("RootModule") }
                .Concat(_manifest.Array("FormatsToProcess"))
                .Concat(_manifest.Array("TypesToProcess"));
            Assert.All(named, file => Assert.True(System.IO.File.Exists(System.IO.Path.Combine(sources, file)), file + " is missing"));
        }
    }
}
