using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using Deepfake.Commands.Output;
using Deepfake.Credentials;
using Deepfake.Providers;

namespace Deepfake.Commands
{
    /// <summary>Stores a provider's App ID and key for the session or, protected for the current user, across sessions.</summary>
    [Cmdlet(VerbsCommon.Set, "DeepfakeCredential", DefaultParameterSetName = AppKeyParameterSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CredentialInfo))]
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

        /// <summary>CurrentUser (the default) persists it; Session keeps it in memory until PowerShell exits.</summary>
        [Parameter]
        [ValidateSet(ScopeNames.Session, ScopeNames.CurrentUser)]
        public string Scope { get; set; } = ScopeNames.CurrentUser;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            ProviderCredential credential;
            try
            {
                credential = ParameterSetName == CredentialParameterSet
                    ? new ProviderCredential(Credential!.UserName.TrimStart('\\'), Credential.GetNetworkCredential().Password)
                    : new ProviderCredential(AppId, new NetworkCredential(string.Empty, AppKey).Password);
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(e, ParameterSetName, Provider));
                return;
            }

            var scope = ScopeNames.ToCredentialScope(Scope);
            var store = CredentialStore.Default;
            var where = scope == CredentialScope.Session ? "this session" : store.UserFilePath;
            if (!ShouldProcess(Provider + " credential in " + where, "Save App ID " + credential.AppId + " (key " + credential.KeyHint + ")"))
            {
                return;
            }

            try
            {
                store.Set(Provider, credential, scope);
            }
            catch (DeepfakeException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, Provider));
            }

            if (PassThru)
            {
                var source = scope == CredentialScope.Session ? CredentialSource.Session : CredentialSource.User;
                WriteObject(store.List().FirstOrDefault(c => c.Provider == Provider && c.Source == source));
            }
        }
    }
}
