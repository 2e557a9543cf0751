namespace Deepfake.Sandbox;

/// <summary>The route names <see cref="SandboxStats.Requests"/> counts under, and the vendor paths.</summary>
public static class SandboxRoutes
{
    public const string Ooto = "ooto";
    public const string Verihubs = "verihubs";
    public const string Images = "images";
    public const string Redirect = "redirect";
    public const string RedirectLoop = "redirect-loop";
    public const string StreamForever = "stream-forever";

    public const string OotoPath = "/api/v1.0/deepfake";
    public const string VerihubsPath = "/v1/face/deepfake";
}
