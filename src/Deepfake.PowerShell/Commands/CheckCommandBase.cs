using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Net;
using Deepfake.Batch;
using Deepfake.Commands.Engine;
using Deepfake.Commands.Output;
using Deepfake.Configuration;
using Deepfake.Credentials;
using Deepfake.Diagnostics;
using Deepfake.Http;
using Deepfake.Providers;
using Deepfake.Sessions;
using DeepfakeProviderInfo = Deepfake.Providers.ProviderInfo;
using PSProviderInfo = System.Management.Automation.ProviderInfo;

namespace Deepfake.Commands
{
    /// <summary>
    /// The inputs and connection parameters Invoke-DeepfakeCheck and Get-DeepfakeQuality share, and the batch they
    /// run on: created in BeginProcessing, fed in ProcessRecord, drained on the pipeline thread, cancelled by
    /// StopProcessing. The derived cmdlets say only what to ask for and what to write for a result.
    /// </summary>
    public abstract class CheckCommandBase : PSCmdlet, IDisposable
    {
        public const string PathParameterSet = "Path";
        public const string LiteralPathParameterSet = "LiteralPath";
        public const string UriParameterSet = "Uri";

        /// <summary>As ForEach-Object -Parallel.</summary>
        public const int DefaultThrottleLimit = 5;

        private CheckRun? _run;
        private CmdletBatchSink? _sink;

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
        [ValidateRange(1, BatchOptions.MaxMaxConcurrency)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>How long one attempt may take, as Invoke-RestMethod's; retries get their own.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; }

        [Parameter]
        [ValidateRange(0, HttpProviderOptions.MaxRetriesLimit)]
        public int MaximumRetryCount { get; set; }

        /// <summary>A one-off credential: user name = App ID, password = key. Never stored.</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>What to ask the provider for each image.</summary>
        protected abstract CheckOptions CreateCheckOptions();

        /// <summary>What to write for a verdict or a rejection.</summary>
        protected abstract object ToOutput(DeepfakeResult result);

        /// <summary>Why a provider cannot serve this cmdlet; null when it can.</summary>
        protected virtual string? Unsuitable(DeepfakeProviderInfo info) => null;

        protected override void BeginProcessing()
        {
            var sink = new CmdletBatchSink(this, MyInvocation.MyCommand.Name, ToOutput);
            Run(() =>
            {
                var request = new ProviderRequest
                {
                    Provider = IsBound(nameof(Provider)) ? Provider : (ProviderKind?)null,
                    Endpoint = Endpoint,
                    Credential = Credential is null
                        ? null
                        : new ProviderCredential(Credential.UserName.TrimStart('\\'), Credential.GetNetworkCredential().Password),
                    MaxConcurrency = ThrottleLimit,
                    Timeout = IsBound(nameof(TimeoutSec)) ? TimeSpan.FromSeconds(TimeoutSec) : (TimeSpan?)null,
                    MaxRetries = IsBound(nameof(MaximumRetryCount)) ? MaximumRetryCount : (int?)null,
                    Proxy = Proxy is null ? null : new WebProxy(Proxy),
                    DiagnosticDetail = WantsDebug() ? DiagnosticLevel.Debug : DiagnosticLevel.Verbose,
                };
                _run = new CheckRun(request, CreateCheckOptions(), Unsuitable, sink, DeepfakeSettings.Default, CredentialStore.Default);
            });
            _sink = sink;
        }

        protected override void ProcessRecord()
        {
            foreach (var input in ReadInputs())
            {
                var destination = string.Empty;
                Run(() => destination = _run!.Destination());
                if (ShouldProcess(input.Input.Source, "Send to " + destination))
                {
                    Run(() => _run!.Add(input));
                }
            }
        }

        protected override void EndProcessing()
        {
            Run(() => _run!.Complete());
            if (_run!.Info != null)
            {
                _sink!.CompleteProgress();
            }
        }

        /// <summary>Ctrl+C: called on another thread; cancels every request in flight.</summary>
        protected override void StopProcessing() => _run?.Stop();

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                _run?.Dispose();
            }
        }

        private IEnumerable<ExpandedInput> ReadInputs()
        {
            switch (ParameterSetName)
            {
                case UriParameterSet:
                    foreach (var uri in Uri)
                    {
                        yield return DeepfakeInput.FromUri(uri);
                    }

                    break;
                case LiteralPathParameterSet:
                    foreach (var path in LiteralPath)
                    {
                        yield return FromLiteralPath(path);
                    }

                    break;
                default:
                    foreach (var path in Path)
                    {
                        foreach (var input in FromPath(path))
                        {
                            yield return input;
                        }
                    }

                    break;
            }
        }

        // -Path: a URL as is; otherwise PowerShell resolves wildcards, drives and provider paths. A pattern matching
        // nothing or a missing file still becomes one input, failed, so it ends as one error record.
        private IEnumerable<ExpandedInput> FromPath(string path)
        {
            var parsed = DeepfakeInput.Parse(path);
            if (parsed.Kind == InputKind.Url)
            {
                return new ExpandedInput[] { parsed };
            }

            PSProviderInfo provider;
            IEnumerable<string> resolved;
            try
            {
                resolved = GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException e)
            {
                return new[] { ExpandedInput.Failed(DeepfakeInput.FromFile(path), new DeepfakeException(DeepfakeErrorCode.FileNotFound, e.Message)) };
            }
            catch (Exception e) when (e is ProviderNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is PSArgumentException)
            {
                return new[] { ExpandedInput.Failed(DeepfakeInput.FromFile(path), new DeepfakeException(DeepfakeErrorCode.InvalidInput, e.Message)) };
            }

            var inputs = NotFileSystem(provider, path) ?? CheckRun.ExpandResolved(resolved);
            if (inputs.Length == 0)
            {
                // PowerShell resolves a pattern that matches nothing to nothing; the user named it, so it gets an error.
                inputs = new[] { ExpandedInput.Failed(DeepfakeInput.FromFile(path), new DeepfakeException(DeepfakeErrorCode.FileNotFound,
                    "No file matches '" + path + "'. Check the pattern, or pipe Get-ChildItem -Recurse -File to search subdirectories.")) };
            }

            return inputs;
        }

        private ExpandedInput FromLiteralPath(string path)
        {
            string resolved;
            PSProviderInfo provider;
            try
            {
                resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception e) when (e is ProviderNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is PSArgumentException || e is NotSupportedException)
            {
                return ExpandedInput.Failed(DeepfakeInput.FromFile(path), new DeepfakeException(DeepfakeErrorCode.InvalidInput, e.Message));
            }

            var notFiles = NotFileSystem(provider, path);
            if (notFiles != null)
            {
                return notFiles[0];
            }

            // A directory gets the core's "is a directory" error; a missing file, the provider's FileNotFound.
            return Directory.Exists(resolved)
                ? CheckRun.ExpandResolved(new[] { resolved })[0]
                : ExpandedInput.Ready(DeepfakeInput.FromFile(resolved));
        }

        private static ExpandedInput[]? NotFileSystem(PSProviderInfo provider, string path) =>
            string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase)
                ? null
                : new[]
                {
                    ExpandedInput.Failed(DeepfakeInput.FromFile(path), new DeepfakeException(DeepfakeErrorCode.InvalidInput,
                        "'" + path + "' is on the " + provider.Name + " provider; only files (and http/https URLs) can be checked.")),
                };

        private void Run(Action action)
        {
            try
            {
                action();
            }
            catch (DeepfakeException e)
            {
                // Unauthorized, QuotaExceeded, a misconfigured credential or endpoint: every later item would fail alike.
                ThrowTerminatingError(ErrorRecords.From(e, e.InputSource ?? e.Provider));
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(e, e.ParamName ?? "Argument", null));
            }
            catch (OperationCanceledException) when (_run?.Stopping.IsCancellationRequested == true)
            {
                throw new PipelineStoppedException();
            }
        }

        private bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        private bool WantsDebug() =>
            MyInvocation.BoundParameters.TryGetValue("Debug", out var debug)
                ? ((SwitchParameter)debug).IsPresent
                : GetVariableValue("DebugPreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
    }
}
