using System.Management.Automation;
using Deepfake.Providers;

namespace Deepfake.Commands
{
    /// <summary>Forgets a provider's stored credential, in the session, for the current user, or both.</summary>
    [Cmdlet(VerbsCommon.Remove, "DeepfakeCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveDeepfakeCredentialCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet(nameof(ProviderKind.Ooto), nameof(ProviderKind.Verihubs))]
        public ProviderKind Provider { get; set; }

        /// <summary>Where to remove it from; both the session and the current user when omitted.</summary>
        [Parameter]
        [ValidateSet(ScopeNames.Session, ScopeNames.CurrentUser)]
        public string? Scope { get; set; }
    }
}
