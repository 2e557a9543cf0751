using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Deepfake.Credentials;
using Deepfake.Http;
using Deepfake.Preflight;
using Deepfake.Providers;

namespace Deepfake.Ooto
{
    /// <summary>
    /// OOTO AI's deepfake API: uploads the photo as multipart form data and returns its genuineness score, face box,
    /// landmarks, quality and demography. Image URLs are downloaded by the client first (OOTO takes no URLs).
    /// Immutable and thread-safe; dispose it to close its connections.
    /// </summary>
    /// <remarks>A retried check may be billed twice; see <see cref="HttpProviderOptions"/>.</remarks>
    public sealed class OotoProvider : IDeepfakeProvider
    {
        internal const string ProviderName = nameof(ProviderKind.Ooto);

        private readonly VendorClient _client;
        private readonly ImageDownloader _downloader;
        private readonly ProviderCredential? _credential;
        private readonly Uri _endpoint;
        private readonly long _maxImageBytes;

        public OotoProvider(OotoOptions options)
            : this(options, null, null)
        {
        }

        /// <summary>For unit tests of edge cases only: a stand-in handler and a fixed jitter source.</summary>
        internal OotoProvider(OotoOptions options, HttpMessageHandler? handler, Func<double>? randomizer)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            _client = new VendorClient(options, ProviderName, handler, randomizer);
            _credential = options.Credential;
            _endpoint = EndpointAddress.Combine(options.BaseUrl, OotoOptions.EndpointPath);
            _maxImageBytes = options.MaxImageBytes;
            _downloader = new ImageDownloader(
                _client.Http,
                _client.Time,
                _client.Log,
                new DownloadLimits(options.MaxImageBytes, options.DownloadTimeout, options.MaxDownloadRedirects),
                ProviderName);
            Info = new ProviderInfo
            {
                Kind = ProviderKind.Ooto,
                Endpoint = _endpoint,
                RequiresCredential = true,
                ReturnsScore = true,
                ReturnsQuality = true,
                ReturnsDemography = true,
                AcceptsUrl = false,
                MaxImageBytes = _maxImageBytes,
            };
        }

        public ProviderInfo Info { get; }

        public async Task<DeepfakeResult> CheckAsync(DeepfakeInput input, CheckOptions options, CancellationToken cancellationToken = default)
        {
            if (input is null) throw new ArgumentNullException(nameof(input));
            if (options is null) throw new ArgumentNullException(nameof(options));
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var credential = ProviderCredentials.Require(_credential, ProviderName, input.Source, "DEEPFAKE_OOTO_APP_ID", "DEEPFAKE_OOTO_APP_KEY");
                var image = await PrepareAsync(input, cancellationToken).ConfigureAwait(false);
                var call = new OotoCall(input.Source, _endpoint, image, credential, options.Threshold);
                return await _client.SendAsync(call, cancellationToken).ConfigureAwait(false);
            }
            catch (DeepfakeException ex) when (ex.Status == DeepfakeStatus.Rejected)
            {
                // Refused before any request (empty, oversized, not an image): a rejection, like the vendor's own.
                return DeepfakeResult.FromError(input.Source, ProviderName, ex);
            }
        }

        public void Dispose() => _client.Dispose();

        private async Task<PreparedImage> PrepareAsync(DeepfakeInput input, CancellationToken cancellationToken)
        {
            if (input.Kind == InputKind.File)
            {
                return ImagePreflight.CheckFile(input.Source, ProviderName, _maxImageBytes);
            }

            ImagePreflight.CheckUrl(input.Uri!, input.Source, ProviderName);
            return await _downloader.DownloadAsync(input.Uri!, input.Source, cancellationToken).ConfigureAwait(false);
        }
    }
}
