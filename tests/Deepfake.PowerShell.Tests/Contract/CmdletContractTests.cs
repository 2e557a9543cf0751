using System.Reflection;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Contract
{
    /// <summary>The cmdlets' public contract, read from the compiled assembly's metadata.</summary>
    public sealed class CmdletContractTests : IDisposable
    {
        private static readonly string[] Expected =
        {
            "Get-DeepfakeCredential", "Get-DeepfakeProvider", "Get-DeepfakeQuality", "Invoke-DeepfakeCheck",
            "Remove-DeepfakeCredential", "Set-DeepfakeCredential", "Set-DeepfakeProvider",
        };

        private readonly CmdletMetadata _metadata = new CmdletMetadata();

        public void Dispose() => _metadata.Dispose();

        [Fact]
        public void The_assembly_exports_exactly_the_planned_cmdlets()
        {
            Assert.Equal(Expected, _metadata.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void Every_cmdlet_is_a_sealed_VerbNounCommand_in_Deepfake_Commands_with_an_approved_verb()
        {
            foreach (var cmdlet in _metadata.Cmdlets)
            {
                Assert.True(cmdlet.Type.IsSealed, cmdlet.Name + " is not sealed");
                Assert.Equal("Deepfake.Commands", cmdlet.Type.Namespace);
                Assert.Equal(cmdlet.Verb + cmdlet.Noun + "Command", cmdlet.Type.Name);
                Assert.Contains(cmdlet.Verb, ApprovedVerbs.All);
                Assert.StartsWith("Deepfake", cmdlet.Noun, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Every_parameter_set_name_is_a_declared_constant()
        {
            foreach (var cmdlet in _metadata.Cmdlets)
            {
                var constants = cmdlet.StringConstants.ToList();
                foreach (var set in cmdlet.ParameterSetNames)
                {
                    Assert.True(constants.Contains(set), cmdlet.Name + " uses parameter set '" + set + "' without a constant for it");
                }
            }
        }

        [Fact]
        public void Commands_that_send_or_change_state_support_WhatIf_and_Confirm_and_getters_do_not()
        {
            foreach (var cmdlet in _metadata.Cmdlets)
            {
                var changes = cmdlet.Verb is "Set" or "Remove" or "Invoke";
                Assert.True(changes == cmdlet.SupportsShouldProcess, cmdlet.Name + ": SupportsShouldProcess is " + cmdlet.SupportsShouldProcess);
            }
        }

        [Fact]
        public void Every_cmdlet_that_writes_objects_declares_a_public_core_OutputType()
        {
            foreach (var cmdlet in _metadata.Cmdlets.Where(c => c.Verb != "Remove"))
            {
                var types = cmdlet.OutputTypes.ToList();
                Assert.True(types.Count > 0, cmdlet.Name + " declares no OutputType");
                Assert.All(types, t =>
                {
                    Assert.True(t.IsPublic, t.FullName + " is not public");
                    Assert.Equal("Deepfake.Core", t.Assembly.GetName().Name);
                });
            }

            Assert.Equal("Deepfake.DeepfakeResult", _metadata.Cmdlet("Invoke-DeepfakeCheck").OutputTypes.Single().FullName);
            Assert.Equal("Deepfake.QualityReport", _metadata.Cmdlet("Get-DeepfakeQuality").OutputTypes.Single().FullName);
        }

        [Theory]
        [InlineData("Invoke-DeepfakeCheck")]
        [InlineData("Get-DeepfakeQuality")]
        public void Check_cmdlets_take_paths_literal_paths_and_urls_from_the_pipeline(string name)
        {
            var cmdlet = _metadata.Cmdlet(name);
            Assert.Equal("Path", cmdlet.DefaultParameterSetName);
            Assert.Equal(new[] { "LiteralPath", "Path", "Uri" }, cmdlet.ParameterSetNames.OrderBy(n => n, StringComparer.Ordinal));

            var path = cmdlet.ParameterAttributes("Path").Single();
            Assert.Equal("System.String[]", cmdlet.Parameter("Path").PropertyType.FullName);
            Assert.Equal(0, CmdletMetadata.Named(path, "Position"));
            Assert.Equal(true, CmdletMetadata.Named(path, "ValueFromPipeline"));
            Assert.Equal(true, CmdletMetadata.Named(path, "Mandatory"));
            Assert.NotNull(CmdletMetadata.Attribute(cmdlet.Parameter("Path"), "SupportsWildcardsAttribute"));

            // Get-ChildItem | Invoke-DeepfakeCheck binds FileInfo.PSPath to -LiteralPath by property name.
            var literal = cmdlet.ParameterAttributes("LiteralPath").Single();
            Assert.Equal("System.String[]", cmdlet.Parameter("LiteralPath").PropertyType.FullName);
            Assert.Equal(true, CmdletMetadata.Named(literal, "ValueFromPipelineByPropertyName"));
            Assert.Null(CmdletMetadata.Named(literal, "ValueFromPipeline"));
            Assert.Equal(new[] { "LP", "PSPath" }, cmdlet.Aliases("LiteralPath").OrderBy(a => a, StringComparer.Ordinal));

            Assert.Equal("System.Uri[]", cmdlet.Parameter("Uri").PropertyType.FullName);
            Assert.Equal("Uri", CmdletMetadata.Named(cmdlet.ParameterAttributes("Uri").Single(), "ParameterSetName"));
        }

        [Theory]
        [InlineData("Invoke-DeepfakeCheck")]
        [InlineData("Get-DeepfakeQuality")]
        public void Check_cmdlets_share_the_connection_and_concurrency_parameters(string name)
        {
            var cmdlet = _metadata.Cmdlet(name);
            Assert.Equal("Deepfake.Providers.ProviderKind", cmdlet.Parameter("Provider").PropertyType.FullName);
            Assert.Equal("System.Int32", cmdlet.Parameter("ThrottleLimit").PropertyType.FullName);
            Assert.Equal("System.Int32", cmdlet.Parameter("TimeoutSec").PropertyType.FullName);
            Assert.Equal("System.Int32", cmdlet.Parameter("MaximumRetryCount").PropertyType.FullName);
            Assert.Equal("System.Uri", cmdlet.Parameter("Proxy").PropertyType.FullName);
            Assert.Equal("System.Uri", cmdlet.Parameter("Endpoint").PropertyType.FullName);
            Assert.Equal("System.Management.Automation.PSCredential", cmdlet.Parameter("Credential").PropertyType.FullName);
            Assert.NotNull(CmdletMetadata.Attribute(cmdlet.Parameter("Credential"), "CredentialAttribute"));

            var throttle = CmdletMetadata.Attribute(cmdlet.Parameter("ThrottleLimit"), "ValidateRangeAttribute")!;
            Assert.Equal(1, throttle.ConstructorArguments[0].Value);
        }

        [Fact]
        public void Invoke_DeepfakeCheck_takes_a_threshold_and_the_Verihubs_options_as_switches()
        {
            var cmdlet = _metadata.Cmdlet("Invoke-DeepfakeCheck");
            Assert.Equal("System.Double", cmdlet.Parameter("Threshold").PropertyType.FullName);
            var range = CmdletMetadata.Attribute(cmdlet.Parameter("Threshold"), "ValidateRangeAttribute")!;
            Assert.Equal(new object?[] { 0.0, 1.0 }, range.ConstructorArguments.Select(a => a.Value));
            foreach (var name in new[] { "IncludeQuality", "IncludeAttributes", "ValidateQuality", "ValidateAttributes" })
            {
                Assert.Equal("System.Management.Automation.SwitchParameter", cmdlet.Parameter(name).PropertyType.FullName);
            }
        }

        [Fact]
        public void Set_DeepfakeCredential_takes_an_AppId_and_SecureString_key_or_a_PSCredential()
        {
            var cmdlet = _metadata.Cmdlet("Set-DeepfakeCredential");
            Assert.Equal(new[] { "AppKey", "Credential" }, cmdlet.ParameterSetNames.OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal("System.Security.SecureString", cmdlet.Parameter("AppKey").PropertyType.FullName);
            Assert.Equal("AppKey", CmdletMetadata.Named(cmdlet.ParameterAttributes("AppId").Single(), "ParameterSetName"));
            Assert.Equal("Credential", CmdletMetadata.Named(cmdlet.ParameterAttributes("Credential").Single(), "ParameterSetName"));
            Assert.Equal(new[] { "CurrentUser", "Session" }, cmdlet.ValidateSet("Scope").OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(new[] { "Ooto", "Verihubs" }, cmdlet.ValidateSet("Provider").OrderBy(s => s, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("Remove-DeepfakeCredential")]
        [InlineData("Set-DeepfakeProvider")]
        public void Scoped_commands_offer_Session_and_CurrentUser(string name)
        {
            Assert.Equal(new[] { "CurrentUser", "Session" }, _metadata.Cmdlet(name).ValidateSet("Scope").OrderBy(s => s, StringComparer.Ordinal));
        }

        [Fact]
        public void Set_DeepfakeProvider_changes_the_endpoint_and_the_default()
        {
            var cmdlet = _metadata.Cmdlet("Set-DeepfakeProvider");
            Assert.Equal("System.Uri", cmdlet.Parameter("Endpoint").PropertyType.FullName);
            Assert.Equal("System.Management.Automation.SwitchParameter", cmdlet.Parameter("Default").PropertyType.FullName);
        }

        [Fact]
        public void No_parameter_takes_a_key_as_plain_text()
        {
            foreach (var cmdlet in _metadata.Cmdlets)
            {
                foreach (var parameter in cmdlet.Parameters.Where(p => p.Name.Contains("Key", StringComparison.OrdinalIgnoreCase)))
                {
                    Assert.Equal("System.Security.SecureString", parameter.PropertyType.FullName);
                }
            }
        }
    }
}
