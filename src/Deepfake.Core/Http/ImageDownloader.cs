using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Deepfake.Diagnostics;
using Deepfake.Preflight;
using Polly;
using Polly.Timeout;

namespace Deepfake.Http
{
    /// <summary>
    /// Fetches an image URL for a provider that only takes uploads (OOTO). Plain GET without any credential,
    /// http and https only, redirects followed by hand with every hop checked again, a size cap enforced while
    /// reading, and only JPEG or PNG bytes accepted whatever the server calls them. Transient failures (a lost or
    /// reset connection, a body cut short, 408, 429, 500, 502, 503, 504) are retried with the vendor call's retry
    /// settings, through the same Polly pipeline; refusals (another 4xx, a redirect loop, not an image, too large)
    /// and the caller's cancellation are not.
    /// </summary>
    internal sealed class ImageDownloader
    {
        private readonly HttpClient _http;
        private readonly TimeProvider _time;
        private readonly DiagnosticLog _log;
        private readonly DownloadLimits _limits;
        private readonly string _provider;
        private readonly ResiliencePipeline<DownloadOutcome> _pipeline;

        public ImageDownloader(HttpClient http, TimeProvider time, DiagnosticLog log, DownloadLimits limits, PipelineSettings retries, Func<double>? randomizer = null)
        {
            _http = http;
            _time = time;
            _log = log;
            _limits = limits;
            _provider = retries.Provider;

            // DownloadTimeout is the pipeline's total timeout: it covers every attempt, every redirect hop, every body
            // read and every wait between attempts, so a URL never holds its item longer than that. No single attempt
            // may take longer than the vendor call's AttemptTimeout, so a host that hangs is asked again instead of
            // spending the whole budget; a Retry-After that would pass DownloadTimeout is not waited for.
            _pipeline = ProviderPipeline.Build<DownloadOutcome>(retries.ForDownload(limits.Timeout), time, log, randomizer);
        }

        /// <summary>
        /// The image, or a <see cref="DeepfakeException"/> naming the URL (query values hidden) with the attempts made;
        /// <see cref="OperationCanceledException"/> only for <paramref name="cancellationToken"/>.
        /// </summary>
        public async Task<PreparedImage> DownloadAsync(Uri url, string source, CancellationToken cancellationToken)
        {
            var state = new DownloadState(this, url, source, _time.GetTimestamp(), cancellationToken);
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(ProviderPipeline.StartedKey, state.Started);
            context.Properties.Set(ProviderPipeline.SourceKey, "download of '" + state.Shown + "'");
            DownloadOutcome outcome;
            try
            {
                outcome = await _pipeline.ExecuteAsync(static (ctx, s) => s.Downloader.AttemptAsync(ctx, s), context, state).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
            {
                var message = string.Format(
                    CultureInfo.InvariantCulture,
                    "Downloading '{0}' did not finish within {1} ({2}). The image host is slow or unreachable: try again later, or download the image and pass the file.",
                    state.Shown,
                    Durations.Format(ex.Timeout),
                    AttemptsText(state.Attempts));
                throw state.Error(DeepfakeErrorCode.Timeout, message, inner: ex);
            }
            catch (TimeoutRejectedException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            return outcome.Image ?? throw outcome.Error!;
        }

        private async ValueTask<DownloadOutcome> AttemptAsync(ResilienceContext context, DownloadState state)
        {
            var attempt = Interlocked.Increment(ref state.Attempts);
            var token = context.CancellationToken;
            var started = _time.GetTimestamp();
            var current = state.Url;
            var reading = false;
            try
            {
                for (var hop = 0; ; hop++)
                {
                    // The first address passed pre-flight; every hop a server names is checked again.
                    if (hop > 0 && !ImagePreflight.IsHttp(current))
                    {
                        return DownloadOutcome.Refusal(state.Error(DeepfakeErrorCode.InvalidInput, $"'{state.Shown}' redirected to a '{current.Scheme}' address; only http and https image URLs can be fetched. Pass the image's final address."));
                    }

                    using var request = new HttpRequestMessage(HttpMethod.Get, current);
                    request.Headers.Accept.ParseAdd("image/jpeg, image/png;q=0.9");
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    LogRequest(current, status.ToString(CultureInfo.InvariantCulture), started, attempt);
                    if (status >= 300 && status <= 399 && response.Headers.Location != null)
                    {
                        if (hop >= _limits.MaxRedirects)
                        {
                            return DownloadOutcome.Refusal(state.Error(DeepfakeErrorCode.InvalidInput, $"'{state.Shown}' redirected more than {_limits.MaxRedirects} times. Pass the image's final address."));
                        }

                        current = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(current, response.Headers.Location);
                        continue;
                    }

                    if (status < 200 || status > 299)
                    {
                        return StatusFailure(state, response);
                    }

                    reading = true;
                    return await ReadImageAsync(response, current, state, token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (token.IsCancellationRequested)
            {
                // A timeout (or the caller) cancelled this attempt; Polly turns a timeout into a retry or a Timeout, and
                // needs an OperationCanceledException to tell, whatever the stream threw when its socket was closed.
                if (!state.CallerToken.IsCancellationRequested)
                {
                    LogRequest(current, "no answer (timed out)", started, attempt);
                }

                if (ex is OperationCanceledException)
                {
                    throw;
                }

                throw new OperationCanceledException(token);
            }
            catch (Exception ex) when ((ex is HttpRequestException || ex is IOException || ex is OperationCanceledException) && !token.IsCancellationRequested)
            {
                // An OperationCanceledException nobody asked for is the handler's connect timeout.
                var timedOut = ex is OperationCanceledException;
                var reason = timedOut ? "the connection timed out" : (reading ? "the connection broke while the image was being read" : "the connection failed") + " (" + ex.Message + ")";
                LogRequest(current, (timedOut ? "Timeout" : "NetworkError") + " (" + reason + ")", started, attempt);
                var message = $"Could not download '{state.Shown}': {reason}; {AttemptsText(state.Attempts)}. Check the URL and the network, or download the image and pass the file.";
                return DownloadOutcome.Transient(state.Error(timedOut ? DeepfakeErrorCode.Timeout : DeepfakeErrorCode.NetworkError, message, inner: ex));
            }
        }

        /// <summary>Throttling and server trouble are worth another attempt and say so; any other status is about the URL.</summary>
        private DownloadOutcome StatusFailure(DownloadState state, HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            var http = string.Format(CultureInfo.InvariantCulture, "the server answered HTTP {0} {1}", status, response.ReasonPhrase);
            if (!TransientFailures.IsTransientStatus(status))
            {
                var code = status >= 500 ? DeepfakeErrorCode.ServerError : DeepfakeErrorCode.InvalidInput;
                var advice = status >= 500 ? "The image host failed: try again later, or download the image and pass the file." : "Check the URL.";
                return DownloadOutcome.Refusal(state.Error(code, $"Downloading '{state.Shown}' failed: {http}. {advice}", status));
            }

            var attempts = AttemptsText(state.Attempts);
            DeepfakeErrorCode transient;
            string message;
            switch (status)
            {
                case 408:
                    transient = DeepfakeErrorCode.Timeout;
                    message = $"Downloading '{state.Shown}' failed: {http} ({attempts}). The image host timed out: try again later, or download the image and pass the file.";
                    break;
                case 429:
                    transient = DeepfakeErrorCode.RateLimited;
                    message = $"Downloading '{state.Shown}' failed: {http} ({attempts}). The image host is throttling: lower the concurrency or try again later.";
                    break;
                default:
                    transient = DeepfakeErrorCode.ServerError;
                    message = $"Downloading '{state.Shown}' failed: {http} ({attempts}). The image host is having trouble: try again later, or download the image and pass the file.";
                    break;
            }

            return DownloadOutcome.Transient(state.Error(transient, message, status), RetryAfter.From(response.Headers.RetryAfter, _time.GetUtcNow()));
        }

        private async Task<DownloadOutcome> ReadImageAsync(HttpResponseMessage response, Uri url, DownloadState state, CancellationToken token)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType != null && !mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) &&
                !string.Equals(mediaType, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                return DownloadOutcome.Refusal(state.Error(DeepfakeErrorCode.UnsupportedMediaType, $"'{state.Shown}' is '{mediaType}', not an image. Pass the address of the JPEG or PNG itself."));
            }

            if (response.Content.Headers.ContentLength is long declared && declared > _limits.MaxBytes)
            {
                return DownloadOutcome.Refusal(state.Error(DeepfakeErrorCode.ImageTooLarge, ImagePreflight.TooLarge(state.Shown, declared, _limits.MaxBytes, _provider)));
            }

            var bytes = await ReadCappedAsync(response.Content, token).ConfigureAwait(false);
            if (bytes is null)
            {
                return DownloadOutcome.Refusal(state.Error(DeepfakeErrorCode.ImageTooLarge, $"'{state.Shown}' is larger than the {_limits.MaxBytes:N0} bytes {_provider} accepts. Resize or recompress it."));
            }

            if (bytes.Length == 0)
            {
                return DownloadOutcome.Refusal(state.Error(DeepfakeErrorCode.EmptyImage, $"'{state.Shown}' returned no bytes."));
            }

            var format = ImageSniffer.Sniff(bytes, bytes.Length);
            if (format == ImageFormat.Unknown)
            {
                return DownloadOutcome.Refusal(state.Error(DeepfakeErrorCode.UnsupportedMediaType, $"'{state.Shown}' did not return a JPEG or PNG image (judged by its content). Pass the address of the JPEG or PNG itself."));
            }

            return DownloadOutcome.Success(PreparedImage.FromBytes(bytes, format, FileName(url, format), state.Attempts));
        }

        /// <summary>The body, or null when it passes the size cap. A body shorter than its Content-Length throws (a cut connection).</summary>
        private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken token)
        {
#if NET
            using var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _limits.MaxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }

        private void LogRequest(Uri url, string answer, long started, int attempt)
        {
            if (_log.IsEnabled)
            {
                _log.Verbose(string.Format(CultureInfo.InvariantCulture, "GET {0} -> {1} in {2:0} ms, attempt {3}", UrlRedaction.Redact(url), answer, _time.GetElapsedTime(started).TotalMilliseconds, attempt));
            }
        }

        private static string AttemptsText(int attempts) =>
            attempts == 1 ? "1 attempt" : attempts.ToString(CultureInfo.InvariantCulture) + " attempts";

        private static string FileName(Uri url, ImageFormat format)
        {
            var last = url.Segments.Length == 0 ? string.Empty : Uri.UnescapeDataString(url.Segments[url.Segments.Length - 1]).Trim('/');
            return last.Length == 0 ? (format == ImageFormat.Png ? "image.png" : "image.jpg") : last;
        }

        /// <summary>One URL's progress through the pipeline.</summary>
        private sealed class DownloadState
        {
            public int Attempts;

            public DownloadState(ImageDownloader downloader, Uri url, string source, long started, CancellationToken callerToken)
            {
                Downloader = downloader;
                Url = url;
                Source = source;
                Shown = UrlRedaction.Redact(url);
                Started = started;
                CallerToken = callerToken;
            }

            public ImageDownloader Downloader { get; }

            public Uri Url { get; }

            public string Source { get; }

            /// <summary>The URL as messages and logs show it: query values hidden (signed URLs carry tokens there).</summary>
            public string Shown { get; }

            public long Started { get; }

            public CancellationToken CallerToken { get; }

            public DeepfakeException Error(DeepfakeErrorCode code, string message, int? status = null, Exception? inner = null) =>
                new DeepfakeException(code, message, inner)
                {
                    Provider = Downloader._provider,
                    InputSource = Source,
                    HttpStatus = status,
                    Attempts = Volatile.Read(ref Attempts),
                    Elapsed = Downloader._time.GetElapsedTime(Started),
                };
        }
    }
}
