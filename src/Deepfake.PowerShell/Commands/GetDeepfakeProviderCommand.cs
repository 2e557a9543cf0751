using System;
using System.Linq;
using System.Management.Automation;
using Deepfake.Commands.Output;
using Deepfake.Configuration;
using Deepfake.Credentials;
using Deepfake.Providers;

namespace Deepfake.Commands
{
    /// <summary>Lists the providers: endpoint, whether a credential is found, whether it is the default, what each returns, its limits.</summary>
    [Cmdlet(VerbsCommon.Get, "DeepfakeProvider")]
    [OutputType(typeof(ProviderOverview))]
    public sealed class GetDeepfakeProviderCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public ProviderKind[] Provider { get; set; } = Array.Empty<ProviderKind>();

        protected override void ProcessRecord()
        {
            try
            {
                foreach (var overview in ProviderOverview.DescribeAll(DeepfakeSettings.Default, CredentialStore.Default)
                    .Where(o => Provider.Length == 0 || Provider.Contains(o.Kind)))
                {
                    WriteObject(overview);
                }
            }
            catch (DeepfakeException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, null));
            }
        }
    }
}
