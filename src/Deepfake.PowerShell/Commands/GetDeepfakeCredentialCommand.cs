using System;
using System.Management.Automation;
using Deepfake.Providers;

namespace Deepfake.Commands
{
    /// <summary>Shows which credential each provider would use and where it comes from; never the key, only a hint.</summary>
    [Cmdlet(VerbsCommon.Get, "DeepfakeCredential")]
    [OutputType(typeof(Deepfake.Credentials.ProviderCredential))]
    public sealed class GetDeepfakeCredentialCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet(nameof(ProviderKind.Ooto), nameof(ProviderKind.Verihubs))]
        public ProviderKind[] Provider { get; set; } = Array.Empty<ProviderKind>();
    }
}
