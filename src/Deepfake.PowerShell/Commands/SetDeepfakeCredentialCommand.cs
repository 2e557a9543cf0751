using System.Management.Automation;
using System.Security;
using Deepfake.Providers;

namespace Deepfake.Commands
{
    /// <summary>Stores a provider's App ID and key for the session or, encrypted for the current user, across sessions.</summary>
    [Cmdlet(VerbsCommon.Set, "DeepfakeCredential", DefaultParameterSetName = AppKeyParameterSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Deepfake.Credentials.ProviderCredential))]
    public sealed class SetDeepfakeCredentialCommand : PSCmdlet
    {
        public const string AppKeyParameterSet = "AppKey";
        public const string CredentialParameterSet = "Credential";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet(nameof(ProviderKind.Ooto), nameof(ProviderKind.Verihubs))]
        public ProviderKind Provider { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AppKeyParameterSet)]
        [ValidateNotNullOrEmpty]
        public string AppId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = AppKeyParameterSet)]
        [ValidateNotNull]
        public SecureString? AppKey { get; set; }

        /// <summary>User name = App ID, password = key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialParameterSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter]
        [ValidateSet(ScopeNames.Session, ScopeNames.CurrentUser)]
        public string Scope { get; set; } = ScopeNames.CurrentUser;

        [Parameter]
        public SwitchParameter PassThru { get; set; }
    }
}
