using System;
using System.Management.Automation;
using Deepfake.Providers;

namespace Deepfake.Commands
{
    /// <summary>Lists the providers: endpoint, whether a credential is found, what each returns, and its limits.</summary>
    [Cmdlet(VerbsCommon.Get, "DeepfakeProvider")]
    [OutputType(typeof(Deepfake.Providers.ProviderInfo))]
    public sealed class GetDeepfakeProviderCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public ProviderKind[] Provider { get; set; } = Array.Empty<ProviderKind>();
    }
}
