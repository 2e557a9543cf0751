using Deepfake.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace Deepfake.Sandbox.Tools;

/// <summary>The <c>/_sandbox/*</c> helpers: stats, image files for URL inputs, and hostile URL shapes.</summary>
internal static class ToolEndpoints
{
    private const int StreamChunkBytes = 1024;
    private const int DefaultStreamDelayMilliseconds = 100;

    public static IResult Stats(SandboxState state) => Results.Json(state.Stats);

    /// <summary>A file from the image directory; <c>?fault=KIND:N</c> makes the first N requests fail (see <see cref="ImageFaults"/>).</summary>
    public static async Task Image(HttpContext context, string name, SandboxState state)
    {
        state.Stats.CountRequest(SandboxRoutes.Images);
        var directory = state.Options.ImageDirectory;
        // Only plain file names: no path may leave the image directory.
        var path = directory is null || name != Path.GetFileName(name) || name is "." or ".." ? null : Path.Combine(directory, name);
        if (path is null || !File.Exists(path))
        {
            await Results.NotFound().ExecuteAsync(context);
            return;
        }

        var fault = ImageFaults.Draw(context.Request, name, state);
        if (fault is not null)
        {
            await ImageFaults.WriteAsync(context, fault, await File.ReadAllBytesAsync(path, context.RequestAborted), ContentTypeOf(name), state);
            return;
        }

        await Results.File(Path.GetFullPath(path), ContentTypeOf(name)).ExecuteAsync(context);
    }

    public static IResult Redirect(string? to, SandboxState state)
    {
        state.Stats.CountRequest(SandboxRoutes.Redirect);
        return string.IsNullOrEmpty(to) ? Results.BadRequest() : Results.Redirect(to, permanent: false);
    }

    public static IResult RedirectLoop(HttpRequest request, SandboxState state)
    {
        state.Stats.CountRequest(SandboxRoutes.RedirectLoop);
        return Results.Redirect(request.Path + request.QueryString, permanent: false);
    }

    /// <summary>A JPEG that never ends: a valid SOI and APP0, then filler every <c>delayms</c> (default 100) until the client leaves.</summary>
    public static async Task StreamForever(HttpContext context, SandboxState state, int? delayms)
    {
        state.Stats.CountRequest(SandboxRoutes.StreamForever);
        var ct = context.RequestAborted;
        context.Response.ContentType = "image/jpeg";
        var delay = Math.Max(0, delayms ?? DefaultStreamDelayMilliseconds);
        var chunk = new byte[StreamChunkBytes];
        byte[] head = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        try
        {
            await context.Response.Body.WriteAsync(head, ct);
            while (!ct.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, ct);
                await context.Response.Body.FlushAsync(ct);
                if (delay > 0)
                {
                    await Task.Delay(delay, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client gave up, which is the point.
        }
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".bmp" => "image/bmp",
        _ => "application/octet-stream",
    };
}
