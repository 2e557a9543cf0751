using System.Globalization;
using Deepfake.Sandbox.Faults;
using Deepfake.Sandbox.Hosting;
using Deepfake.Sandbox.Markers;
using Microsoft.AspNetCore.Http;

namespace Deepfake.Sandbox.Tools;

/// <summary>
/// Makes <c>/_sandbox/images/{name}?fault=KIND:N</c> an image host that fails: the first N requests for that name
/// with that query fail as KIND, then the file is served. Faults come from the query, not from a marker in the file,
/// so the same bytes uploaded to a vendor route afterwards meet only their own marker's faults.
/// </summary>
internal static class ImageFaults
{
    /// <summary>The fault for this request, or null: counted per file name and query, like marker faults per bytes.</summary>
    public static string? Draw(HttpRequest request, string name, SandboxState state)
    {
        var faults = request.Query["fault"];
        if (faults.Count == 0)
        {
            return null;
        }

        var directives = string.Join(";", faults.Select(f => "fault=" + f));
        var marker = SandboxMarker.Parse(directives);
        return state.Faults.ForMarker(SandboxRoutes.Images, name + request.QueryString.Value, marker);
    }

    /// <summary>Answers with the fault instead of (or while) serving <paramref name="image"/>.</summary>
    public static async Task WriteAsync(HttpContext context, string fault, byte[] image, string contentType, SandboxState state)
    {
        state.Stats.CountFault(fault);
        var response = context.Response;
        var ct = context.RequestAborted;
        try
        {
            switch (fault)
            {
                case FaultKinds.Reset:
                    context.Abort();
                    return;
                case FaultKinds.Truncated:
                    // What a dropped connection looks like to a downloader: the declared length, half the bytes, then nothing.
                    response.ContentType = contentType;
                    response.ContentLength = image.Length;
                    await response.Body.WriteAsync(image.AsMemory(0, image.Length / 2), ct);
                    await response.Body.FlushAsync(ct);
                    context.Abort();
                    return;
                case FaultKinds.Slow:
                    response.ContentType = contentType;
                    response.ContentLength = image.Length;
                    await response.StartAsync(ct);
                    await response.Body.FlushAsync(ct);
                    await Task.Delay(SlowMilliseconds(context.Request), ct);
                    await response.Body.WriteAsync(image, ct);
                    return;
                case FaultKinds.Malformed:
                    await Write(context, SandboxReply.Malformed());
                    return;
                default:
                    await Write(context, SandboxReply.ForStatusFault(fault));
                    return;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client gave up; nothing left to send.
        }
    }

    private static async Task Write(HttpContext context, SandboxReply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        if (reply.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter;
        }

        response.ContentLength = reply.Body.Length;
        await response.Body.WriteAsync(reply.Body, context.RequestAborted);
    }

    private static int SlowMilliseconds(HttpRequest request) =>
        int.TryParse(request.Query["slowms"], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : SandboxMarker.DefaultSlowMilliseconds;
}
