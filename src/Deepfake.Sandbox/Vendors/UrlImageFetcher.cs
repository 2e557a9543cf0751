using System.Net;

namespace Deepfake.Sandbox.Vendors;

/// <summary>
/// Fetches Verihubs URL images, from loopback hosts only (the sandbox must never become a way out to the network),
/// following at most a few redirects by hand so that every hop is checked.
/// </summary>
internal sealed class UrlImageFetcher : IDisposable
{
    private const int MaxRedirects = 5;
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false });

    public enum Status
    {
        Fetched,
        Refused,
        Failed,
        TimedOut,
        TooLarge,
    }

    public static bool IsAllowed(Uri uri) => uri.Scheme is "http" or "https" && uri.IsLoopback;

    public async Task<(Status Status, byte[]? Image)> FetchAsync(Uri uri, long maxBytes, TimeSpan timeout, CancellationToken requestAborted)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        cts.CancelAfter(timeout);
        try
        {
            for (var hop = 0; hop <= MaxRedirects; hop++)
            {
                if (!IsAllowed(uri))
                {
                    return (Status.Refused, null);
                }

                using var response = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return (Status.Failed, null);
                }

                return await ReadLimitedAsync(response, maxBytes, cts.Token);
            }

            return (Status.Failed, null);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return (Status.TimedOut, null);
        }
        catch (HttpRequestException)
        {
            return (Status.Failed, null);
        }
    }

    public void Dispose() => _client.Dispose();

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    private static async Task<(Status, byte[]?)> ReadLimitedAsync(HttpResponseMessage response, long maxBytes, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return (Status.TooLarge, null);
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (Status.TooLarge, null);
            }

            buffer.Write(chunk, 0, read);
        }

        return (Status.Fetched, buffer.ToArray());
    }
}
