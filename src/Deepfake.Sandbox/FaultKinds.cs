namespace Deepfake.Sandbox;

/// <summary>The fault names used in markers (<c>fault=KIND:N</c>) and as <see cref="SandboxStats.Faults"/> keys.</summary>
public static class FaultKinds
{
    public const string TooManyRequests = "429";
    public const string InternalServerError = "500";
    public const string BadGateway = "502";
    public const string ServiceUnavailable = "503";
    public const string GatewayTimeout = "504";
    public const string Reset = "reset";
    public const string Malformed = "malformed";
    public const string Truncated = "truncated";
    public const string Slow = "slow";

    public static IReadOnlyList<string> All { get; } =
        [TooManyRequests, InternalServerError, BadGateway, ServiceUnavailable, GatewayTimeout, Reset, Malformed, Truncated, Slow];

    /// <summary>What <see cref="SandboxOptions.FaultRate"/> draws from.</summary>
    internal static IReadOnlyList<string> Random { get; } = [TooManyRequests, ServiceUnavailable, Reset, Truncated];

    internal static bool IsStatus(string kind) => int.TryParse(kind, out _);
}
