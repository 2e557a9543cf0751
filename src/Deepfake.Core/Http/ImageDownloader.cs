using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Deepfake.Diagnostics;
using Deepfake.Preflight;

namespace Deepfake.Http
{
    /// <summary>
    /// Fetches an image URL for a provider that only takes uploads (OOTO). Plain GET without any credential,
    /// http and https only, redirects followed by hand with every hop checked again, a size cap enforced while
    /// reading, a timeout over the whole download, and only JPEG or PNG bytes accepted whatever the server calls them.
    /// </summary>
    internal sealed class ImageDownloader
    {
        private readonly HttpClient _http;
        private readonly TimeProvider _time;
        private readonly DiagnosticLog _log;
        private readonly DownloadLimits _limits;
        private readonly string _provider;

        public ImageDownloader(HttpClient http, TimeProvider time, DiagnosticLog log, DownloadLimits limits, string provider)
        {
            _http = http;
            _time = time;
            _log = log;
            _limits = limits;
            _provider = provider;
        }

        public async Task<PreparedImage> DownloadAsync(Uri url, string source, CancellationToken cancellationToken)
        {
#if NET
            using var timeout = new CancellationTokenSource(_limits.Timeout, _time);
#else
            using var timeout = _time.CreateCancellationTokenSource(_limits.Timeout);
#endif
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var started = _time.GetTimestamp();
            try
            {
                return await FollowAsync(url, source, linked.Token, started).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw Error(DeepfakeErrorCode.Timeout, source, $"Downloading '{source}' did not finish within {Durations.Format(_limits.Timeout)}. Check the URL, or download the image and pass the file.", ex);
            }
            catch (Exception ex) when ((ex is HttpRequestException || ex is IOException) && !cancellationToken.IsCancellationRequested)
            {
                throw Error(DeepfakeErrorCode.NetworkError, source, $"Could not download '{source}': {ex.Message} Check the URL and the network.", ex);
            }
        }

        private async Task<PreparedImage> FollowAsync(Uri url, string source, CancellationToken token, long started)
        {
            var current = url;
            for (var hop = 0; ; hop++)
            {
                ImagePreflight.CheckUrl(current, source, _provider);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd("image/jpeg, image/png;q=0.9");
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                _log.Verbose(string.Format(CultureInfo.InvariantCulture, "GET {0} -> {1} in {2:0} ms", UrlRedaction.Redact(current), status, _time.GetElapsedTime(started).TotalMilliseconds));
                if (status >= 300 && status <= 399 && response.Headers.Location != null)
                {
                    if (hop >= _limits.MaxRedirects)
                    {
                        throw Error(DeepfakeErrorCode.InvalidInput, source, $"'{source}' redirected more than {_limits.MaxRedirects} times. Pass the image's final address.");
                    }

                    current = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(current, response.Headers.Location);
                    continue;
                }

                if (status < 200 || status > 299)
                {
                    throw Error(DeepfakeErrorCode.InvalidInput, source, $"Downloading '{source}' failed: the server answered HTTP {status} {response.ReasonPhrase}. Check the URL.");
                }

                return await ReadImageAsync(response, current, source, token).ConfigureAwait(false);
            }
        }

        private async Task<PreparedImage> ReadImageAsync(HttpResponseMessage response, Uri url, string source, CancellationToken token)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType != null && !mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) &&
                !string.Equals(mediaType, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                throw Error(DeepfakeErrorCode.UnsupportedMediaType, source, $"'{source}' is '{mediaType}', not an image. Pass the address of the JPEG or PNG itself.");
            }

            if (response.Content.Headers.ContentLength is long declared && declared > _limits.MaxBytes)
            {
                throw Error(DeepfakeErrorCode.ImageTooLarge, source, ImagePreflight.TooLarge(source, declared, _limits.MaxBytes, _provider));
            }

            var bytes = await ReadCappedAsync(response.Content, source, token).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                throw Error(DeepfakeErrorCode.EmptyImage, source, $"'{source}' returned no bytes.");
            }

            var format = ImageSniffer.Sniff(bytes, bytes.Length);
            if (format == ImageFormat.Unknown)
            {
                throw Error(DeepfakeErrorCode.UnsupportedMediaType, source, $"'{source}' did not return a JPEG or PNG image (judged by its content). Pass the address of the JPEG or PNG itself.");
            }

            return PreparedImage.FromBytes(bytes, format, FileName(url, format));
        }

        private async Task<byte[]> ReadCappedAsync(HttpContent content, string source, CancellationToken token)
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
                    throw Error(DeepfakeErrorCode.ImageTooLarge, source, $"'{source}' is larger than the {_limits.MaxBytes:N0} bytes {_provider} accepts. Resize or recompress it.");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }

        private static string FileName(Uri url, ImageFormat format)
        {
            var last = url.Segments.Length == 0 ? string.Empty : Uri.UnescapeDataString(url.Segments[url.Segments.Length - 1]).Trim('/');
            return last.Length == 0 ? (format == ImageFormat.Png ? "image.png" : "image.jpg") : last;
        }

        private DeepfakeException Error(DeepfakeErrorCode code, string source, string message, Exception? inner = null) =>
            new DeepfakeException(code, message, inner) { Provider = _provider, InputSource = source };
    }
}
