using System;
using System.Linq;
using System.Management.Automation;
using Deepfake.Commands.Output;
using Deepfake.Configuration;
using Deepfake.Credentials;
using Deepfake.Providers;

namespace Deepfake.Commands
{
    /// <summary>Changes a provider's endpoint and/or makes it the default, for the session or the current user.</summary>
    [Cmdlet(VerbsCommon.Set, "DeepfakeProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ProviderOverview))]
    public sealed class SetDeepfakeProviderCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public ProviderKind Provider { get; set; }

        /// <summary>The API's base URL (http or https), e.g. the sandbox's http://127.0.0.1:5080.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Endpoint { get; set; }

        /// <summary>Forget the endpoint set in this scope, so the next one in precedence applies.</summary>
        [Parameter]
        public SwitchParameter ResetEndpoint { get; set; }

        /// <summary>Make this provider the one the check cmdlets use when -Provider is omitted.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        /// <summary>Session (the default) until PowerShell exits; CurrentUser in the user's settings file.</summary>
        [Parameter]
        [ValidateSet(ScopeNames.Session, ScopeNames.CurrentUser)]
        public string Scope { get; set; } = ScopeNames.Session;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (Endpoint != null && ResetEndpoint)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    new PSArgumentException("Give -Endpoint or -ResetEndpoint, not both.", nameof(ResetEndpoint)), nameof(ResetEndpoint), Provider));
            }

            if ((Endpoint != null || ResetEndpoint) && Provider == ProviderKind.Local)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    new PSArgumentException("The Local provider works offline and has no endpoint.", nameof(Endpoint)), nameof(Endpoint), Provider));
            }

            var settings = DeepfakeSettings.Default;
            var scope = ScopeNames.ToSettingScope(Scope);
            var where = scope == SettingScope.Session ? "this session" : settings.UserFilePath;
            try
            {
                if (Endpoint != null && ShouldProcess(Provider + " in " + where, "Set endpoint " + Endpoint))
                {
                    settings.SetEndpoint(Provider, Endpoint, scope);
                }

                if (ResetEndpoint && ShouldProcess(Provider + " in " + where, "Forget the endpoint"))
                {
                    settings.ClearEndpoint(Provider, scope);
                }

                if (Default && ShouldProcess(Provider + " in " + where, "Make the default provider"))
                {
                    settings.SetDefaultProvider(Provider, scope);
                }

                if (PassThru)
                {
                    WriteObject(ProviderOverview.DescribeAll(settings, CredentialStore.Default).Single(o => o.Kind == Provider));
                }
            }
            catch (DeepfakeException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, Endpoint ?? (object)Provider));
            }
        }
    }
}
