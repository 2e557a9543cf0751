using System.Net;
using System.Net.Http;

namespace Deepfake.Tests.Http;

/// <summary>
/// A stand-in server for unit tests of edge cases (never proof a provider works: that is the sandbox's job).
/// Answers from a script, one step per request, and records what each request carried.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps = new();
    private readonly List<RecordedRequest> _requests = new();
    private readonly SemaphoreSlim _entered = new(0);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public ScriptedHandler Then(HttpStatusCode status, string body, Action<HttpResponseMessage>? configure = null)
    {
        _steps.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            configure?.Invoke(response);
            return Task.FromResult(response);
        });
        return this;
    }

    public ScriptedHandler ThenThrow(Exception exception)
    {
        _steps.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers: waits until the attempt is cancelled (by a timeout or the caller).</summary>
    public ScriptedHandler ThenHang()
    {
        _steps.Enqueue(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    /// <summary>Waits (with a real-time limit) until the next request has reached the handler.</summary>
    public async Task WaitForRequestAsync()
    {
        if (!await _entered.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("No request reached the handler within 10 s.");
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), request.Content?.Headers.ContentType?.ToString(), request.Content?.Headers.ContentLength, body));
        }

        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step;
        lock (_steps)
        {
            step = _steps.Count > 0 ? _steps.Dequeue() : throw new InvalidOperationException("The script has no answer left for " + request.RequestUri);
        }

        _entered.Release();
        return await step(request, cancellationToken);
    }
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, long? ContentLength, byte[] Body);
