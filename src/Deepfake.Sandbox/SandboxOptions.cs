namespace Deepfake.Sandbox;

/// <summary>
/// How the sandbox behaves. Read on every request, so a test or benchmark may change
/// <see cref="Latency"/>, <see cref="FaultRate"/>, credentials and quota while the server runs.
/// Properties rather than fields so that ASP.NET configuration binding fills them from the command line.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>The server's own limit on a URL image fetch (the Verihubs page documents 15 s).</summary>
    public static readonly TimeSpan DefaultUrlFetchTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The Verihubs page's 5 MB image limit.</summary>
    public const long DefaultVerihubsMaxBytes = 5 * 1024 * 1024;

    /// <summary>Images narrower or shorter than this are "too small" (OOTO code 9, Verihubs FACE_NOT_DETECTED).</summary>
    public const int MinimumFaceImageSide = 64;

    /// <summary>Pinned OOTO App ID; null accepts any non-empty value.</summary>
    public string? OotoAppId { get; set; }

    /// <summary>Pinned OOTO App key; null accepts any non-empty value.</summary>
    public string? OotoAppKey { get; set; }

    /// <summary>Pinned Verihubs App ID; null accepts any non-empty value.</summary>
    public string? VerihubsAppId { get; set; }

    /// <summary>Pinned Verihubs API key; null accepts any non-empty value.</summary>
    public string? VerihubsApiKey { get; set; }

    /// <summary>Testing-mode quota: after this many HTTP 200 answers, Verihubs answers 403 INSUFFICIENT_QUOTA_DEEPFAKE.</summary>
    public int? VerihubsQuota { get; set; }

    /// <summary>Added to every vendor request before it is answered.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Probability in [0, 1] that a vendor request gets a random transient fault.</summary>
    public double FaultRate { get; set; }

    /// <summary>Seed of the random fault sequence; the same seed gives the same sequence of draws.</summary>
    public int Seed { get; set; }

    /// <summary>Directory served at <c>GET /_sandbox/images/{name}</c>; null serves nothing.</summary>
    public string? ImageDirectory { get; set; }

    /// <summary>Largest decoded Verihubs image accepted; larger gives INVALID_PAYLOAD_IMAGE_SIZE.</summary>
    public long VerihubsMaxBytes { get; set; } = DefaultVerihubsMaxBytes;

    /// <summary>How long Verihubs waits for a URL image before INVALID_PAYLOAD_IMAGE_TIMEOUT; tests shorten it.</summary>
    public TimeSpan UrlFetchTimeout { get; set; } = DefaultUrlFetchTimeout;
}
