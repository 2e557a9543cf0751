using System.Xml.Linq;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Contract
{
    /// <summary>The cmdlet help (MAML) documents every compiled cmdlet and each of its parameters, with an example.</summary>
    public sealed class CmdletHelpTests
    {
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";

        [Fact]
        public void Every_cmdlet_and_every_parameter_is_documented()
        {
            var help = XDocument.Load(TestEnvironment.InRepository("src", "Deepfake.PowerShell", "Help", "en-US", "Deepfake.PowerShell.dll-Help.xml"));
            var documented = help.Root!.Elements(Command + "command").ToDictionary(
                c => c.Element(Command + "details")!.Element(Command + "name")!.Value,
                c => c);

            using var metadata = new CmdletMetadata();
            Assert.Equal(metadata.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal), documented.Keys.OrderBy(n => n, StringComparer.Ordinal));
            foreach (var cmdlet in metadata.Cmdlets)
            {
                var entry = documented[cmdlet.Name];
                var parameters = entry.Descendants(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToList();
                var expected = cmdlet.Parameters.Select(p => p.Name).ToList();
                if (cmdlet.SupportsShouldProcess)
                {
                    expected.AddRange(new[] { "WhatIf", "Confirm" });
                }

                Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), parameters.OrderBy(n => n, StringComparer.Ordinal));
                Assert.All(entry.Descendants(Command + "parameter"), p => Assert.False(string.IsNullOrWhiteSpace(p.Element(Maml + "description")!.Value)));
                Assert.NotEmpty(entry.Descendants(Command + "example"));
            }
        }
    }
}
