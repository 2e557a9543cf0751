using Microsoft.AspNetCore.Http;

namespace Deepfake.Sandbox.Faults;

/// <summary>Writes a reply, applying the delivery faults (truncated, slow) and counting the status.</summary>
internal static class ReplyWriter
{
    public static async Task WriteAsync(HttpContext context, SandboxReply reply, string? deliveryFault, int slowMilliseconds, SandboxStats stats)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        if (reply.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter;
        }

        stats.CountResponse(reply.Status);
        var ct = context.RequestAborted;
        try
        {
            switch (deliveryFault)
            {
                case FaultKinds.Truncated:
                    // No Content-Length: the response ends cleanly, so the client sees a complete HTTP answer whose JSON is cut.
                    await response.StartAsync(ct);
                    await response.Body.WriteAsync(reply.Body.AsMemory(0, reply.Body.Length / 2), ct);
                    break;
                case FaultKinds.Slow:
                    response.ContentLength = reply.Body.Length;
                    await response.StartAsync(ct);
                    await response.Body.FlushAsync(ct);
                    await Task.Delay(slowMilliseconds, ct);
                    await response.Body.WriteAsync(reply.Body, ct);
                    break;
                default:
                    response.ContentLength = reply.Body.Length;
                    await response.Body.WriteAsync(reply.Body, ct);
                    break;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client gave up; nothing left to send.
        }
    }
}
