using Deepfake.Sandbox.Faults;
using Deepfake.Sandbox.Vendors;

namespace Deepfake.Sandbox.Hosting;

/// <summary>What the route handlers of one server share.</summary>
internal sealed class SandboxState(SandboxOptions options, SandboxStats stats, UrlImageFetcher fetcher)
{
    public SandboxOptions Options { get; } = options;

    public SandboxStats Stats { get; } = stats;

    public FaultInjector Faults { get; } = new(options.Seed);

    public UrlImageFetcher Fetcher { get; } = fetcher;
}
