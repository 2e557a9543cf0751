using System;
using System.Linq;
using System.Management.Automation;
using Deepfake.Credentials;
using Deepfake.Providers;

namespace Deepfake.Commands
{
    /// <summary>
    /// Lists every credential each vendor could use, in precedence order, with where it comes from and which one a
    /// check would use (IsActive); never the key, only its last characters.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DeepfakeCredential")]
    [OutputType(typeof(CredentialInfo))]
    public sealed class GetDeepfakeCredentialCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet(nameof(ProviderKind.Ooto), nameof(ProviderKind.Verihubs))]
        public ProviderKind[] Provider { get; set; } = Array.Empty<ProviderKind>();

        protected override void ProcessRecord()
        {
            foreach (var credential in CredentialStore.Default.List().Where(c => Provider.Length == 0 || Provider.Contains(c.Provider)))
            {
                WriteObject(credential);
            }
        }
    }
}
