using System.Reflection;
using System.Xml.Linq;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Contract
{
    /// <summary>The format and type files parse, and every type and property they name exists.</summary>
    public sealed class FormatAndTypeFileTests
    {
        private static readonly string ModuleSources = TestEnvironment.InRepository("src", "Deepfake.PowerShell", "Module");

        [Fact]
        public void Every_view_selects_a_real_public_type_and_shows_its_real_properties()
        {
            var format = XDocument.Load(System.IO.Path.Combine(ModuleSources, "Deepfake.format.ps1xml"));
            var views = format.Descendants("View").ToList();
            Assert.NotEmpty(views);
            foreach (var view in views)
            {
                var type = CoreType(view.Element("ViewSelectedBy")!.Element("TypeName")!.Value);
                var headers = view.Descendants("TableColumnHeader").Count();
                var items = view.Descendants("TableColumnItem").ToList();
                Assert.Equal(headers, items.Count);
                foreach (var property in items.Select(i => i.Element("PropertyName")?.Value))
                {
                    Assert.NotNull(property);
                    Assert.True(type.GetProperty(property!) != null, type.FullName + " has no property " + property);
                }
            }
        }

        [Fact]
        public void The_result_table_shows_source_status_score_and_error_code()
        {
            var format = XDocument.Load(System.IO.Path.Combine(ModuleSources, "Deepfake.format.ps1xml"));
            var view = format.Descendants("View").Single(v => v.Element("Name")!.Value == "Deepfake.DeepfakeResult");
            Assert.Equal(
                new[] { "Source", "Status", "Score", "ErrorCode" },
                view.Descendants("TableColumnItem").Select(i => i.Element("PropertyName")!.Value));
        }

        [Fact]
        public void Every_type_a_cmdlet_outputs_has_a_default_view()
        {
            var format = XDocument.Load(System.IO.Path.Combine(ModuleSources, "Deepfake.format.ps1xml"));
            var viewed = format.Descendants("TypeName").Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
            using var metadata = new CmdletMetadata();
            Assert.All(metadata.Cmdlets.SelectMany(c => c.OutputTypes).Select(t => t.FullName!).Distinct(), name => Assert.Contains(name, viewed));
        }

        [Fact]
        public void Every_type_extension_names_a_real_type_and_real_properties()
        {
            var types = XDocument.Load(System.IO.Path.Combine(ModuleSources, "Deepfake.types.ps1xml"));
            var entries = types.Root!.Elements("Type").ToList();
            Assert.NotEmpty(entries);
            foreach (var entry in entries)
            {
                var type = CoreType(entry.Element("Name")!.Value);
                foreach (var property in entry.Descendants("ReferencedProperties").Elements("Name").Select(n => n.Value))
                {
                    Assert.True(type.GetProperty(property) != null, type.FullName + " has no property " + property);
                }
            }
        }

        private static Type CoreType(string name)
        {
            var type = typeof(DeepfakeResult).Assembly.GetType(name);
            Assert.True(type != null && type.IsPublic, name + " is not a public type of Deepfake.Core");
            return type!;
        }
    }
}
