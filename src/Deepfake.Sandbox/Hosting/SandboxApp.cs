using Deepfake.Sandbox.Tools;
using Deepfake.Sandbox.Vendors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Deepfake.Sandbox.Hosting;

/// <summary>Builds the sandbox app, shared by the command line and <see cref="SandboxServer"/>.</summary>
internal static class SandboxApp
{
    public static WebApplication Build(WebApplicationBuilder builder, SandboxOptions options, SandboxStats stats)
    {
        // Warnings only; no HTTP logging middleware, so header values (keys) are never written anywhere.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(stats);
        builder.Services.AddSingleton<UrlImageFetcher>();
        builder.Services.AddSingleton<SandboxState>();

        var app = builder.Build();
        app.MapPost(SandboxRoutes.OotoPath, (HttpContext context, SandboxState state) => OotoEndpoint.HandleAsync(context, state));
        app.MapPost(SandboxRoutes.VerihubsPath, (HttpContext context, SandboxState state) => VerihubsEndpoint.HandleAsync(context, state));
        app.MapGet("/_sandbox/stats", ToolEndpoints.Stats);
        app.MapGet("/_sandbox/images/{name}", ToolEndpoints.Image);
        app.MapGet("/_sandbox/redirect", ToolEndpoints.Redirect);
        app.MapGet("/_sandbox/redirect-loop", ToolEndpoints.RedirectLoop);
        app.MapGet("/_sandbox/stream-forever", ToolEndpoints.StreamForever);
        return app;
    }
}
