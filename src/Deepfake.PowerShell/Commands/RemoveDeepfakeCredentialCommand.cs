using System.Management.Automation;
using Deepfake.Commands.Output;
using Deepfake.Credentials;
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

        protected override void ProcessRecord()
        {
            var store = CredentialStore.Default;
            var scopes = Scope is null
                ? new[] { CredentialScope.Session, CredentialScope.User }
                : new[] { ScopeNames.ToCredentialScope(Scope) };
            var removed = false;
            foreach (var scope in scopes)
            {
                var where = scope == CredentialScope.Session ? "this session" : store.UserFilePath;
                if (!ShouldProcess(Provider + " credential in " + where, "Remove"))
                {
                    // -WhatIf: nothing is removed, and not finding it is not an error either.
                    removed = true;
                    continue;
                }

                try
                {
                    removed |= store.Remove(Provider, scope);
                }
                catch (DeepfakeException e)
                {
                    ThrowTerminatingError(ErrorRecords.From(e, Provider));
                }
            }

            if (!removed)
            {
var where = Scope is null ? "in this session or for the current user" : Scope == ScopeNames.Session ? "in this session" : "for the current user";
                WriteError(new ErrorRecord(
                    new ItemNotFoundException("No " + Provider + " credential is stored " + where + "."),
                    "Deepfake.CredentialNotFound",
                    ErrorCategory.ObjectNotFound,
                    Provider));
            }

            var names = CredentialStore.VariableNames(Provider);
            if (!string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(names.AppId)) || !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(names.Key)))
            {
                WriteWarning(names.AppId + " / " + names.Key + " are still set in the environment and still provide a " + Provider + " credential.");
            }
        }
    }
}
