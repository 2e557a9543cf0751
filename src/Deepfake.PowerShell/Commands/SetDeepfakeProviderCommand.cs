using System;
using System.Management.Automation;
using Deepfake.Providers;

namespace Deepfake.Commands
{
    /// <summary>Changes a provider's endpoint and/or makes it the default, for the session or the current user.</summary>
    [Cmdlet(VerbsCommon.Set, "DeepfakeProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Deepfake.Providers.ProviderInfo))]
    public sealed class SetDeepfakeProviderCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public ProviderKind Provider { get; set; }

        /// <summary>The URL requests go to (http or https), e.g. the sandbox's.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Endpoint { get; set; }

        /// <summary>Forget the endpoint set in this scope, so the next one in precedence applies.</summary>
        [Parameter]
        public SwitchParameter ResetEndpoint { get; set; }

        /// <summary>Make this provider the one the check cmdlets use when -Provider is omitted.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        [Parameter]
        [ValidateSet(ScopeNames.Session, ScopeNames.CurrentUser)]
        public string Scope { get; set; } = ScopeNames.Session;

        [Parameter]
        public SwitchParameter PassThru { get; set; }
    }
}
