using System;
using System.Management.Automation;
using Deepfake.Providers;

namespace Deepfake.Commands
{
    /// <summary>
    /// The inputs and connection parameters Invoke-DeepfakeCheck and Get-DeepfakeQuality share, and the batch
    /// they run on. The derived cmdlets say only what to ask for and how to write a result.
    /// </summary>
    public abstract class CheckCommandBase : PSCmdlet, IDisposable
    {
        public const string PathParameterSet = "Path";
        public const string LiteralPathParameterSet = "LiteralPath";
        public const string UriParameterSet = "Uri";

        /// <summary>As ForEach-Object -Parallel.</summary>
        public const int DefaultThrottleLimit = 5;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathParameterSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathParameterSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = UriParameterSet)]
        [ValidateNotNullOrEmpty]
        public Uri[] Uri { get; set; } = Array.Empty<Uri>();

        /// <summary>The provider to ask; the session or user default when omitted.</summary>
        [Parameter]
        public ProviderKind Provider { get; set; }

        /// <summary>Where to send requests for this command only, e.g. the sandbox.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Endpoint { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        [Parameter]
        [ValidateRange(0, 100)]
        public int MaximumRetryCount { get; set; }

        /// <summary>A one-off credential: user name = App ID, password = key. Never stored.</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
        }
    }
}
