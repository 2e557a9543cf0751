using System;
using System.Collections.Generic;
using Deepfake.Cli.Output;
using Deepfake.Providers;

namespace Deepfake.Cli.Checking
{
    /// <summary>Everything <c>check</c> and <c>quality</c> were told on the command line, validated.</summary>
    internal sealed class CheckSettings
    {
        public CheckKind Kind { get; init; }

        public IReadOnlyList<string> Inputs { get; init; } = Array.Empty<string>();

        public ProviderKind? Provider { get; init; }

        public Uri? Endpoint { get; init; }

        public CheckOptions Options { get; init; } = CheckOptions.Default;

        public int? Throttle { get; init; }

        public TimeSpan? Timeout { get; init; }

        public int? Retries { get; init; }

        public bool Recurse { get; init; }

        public bool Verbose { get; init; }

        /// <summary>Null when the user gave none: the default then depends on whether stdout is a terminal.</summary>
        public OutputFormat? Format { get; init; }
    }
}
