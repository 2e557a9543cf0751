using System.Text;
using System.Text.Json.Nodes;

namespace Deepfake.Sandbox.Faults;

/// <summary>A complete answer, built before it is written so that faults can cut or delay it.</summary>
internal sealed record SandboxReply(int Status, byte[] Body, string ContentType, string? RetryAfter = null)
{
    public const string Json = "application/json; charset=utf-8";

    public static SandboxReply FromJson(int status, JsonNode body) => new(status, Encoding.UTF8.GetBytes(body.ToJsonString()), Json);

    public static SandboxReply Message(int status, string message) => FromJson(status, new JsonObject { ["message"] = message });

    /// <summary>The answer a status fault gives in place of the real one.</summary>
    public static SandboxReply ForStatusFault(string kind) => kind switch
    {
        FaultKinds.TooManyRequests => Message(429, "Too Many Requests") with { RetryAfter = "1" },
        FaultKinds.InternalServerError => Message(500, "Internal server error"),
        FaultKinds.ServiceUnavailable => Message(503, "Service Unavailable"),
        FaultKinds.BadGateway => GatewayPage(502, "Bad Gateway"),
        FaultKinds.GatewayTimeout => GatewayPage(504, "Gateway Time-out"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a status fault."),
    };

    /// <summary>A 200 whose body is not JSON although it says so, as a misbehaving proxy sends.</summary>
    public static SandboxReply Malformed() =>
        new(200, Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>Service temporarily unavailable</h1></body></html>"), Json);

    // What a reverse proxy in front of the vendor sends: HTML, not the vendor's JSON.
    private static SandboxReply GatewayPage(int status, string title) =>
        new(status, Encoding.UTF8.GetBytes($"<html><head><title>{status} {title}</title></head><body><center><h1>{status} {title}</h1></center><hr><center>nginx</center></body></html>"), "text/html");
}
