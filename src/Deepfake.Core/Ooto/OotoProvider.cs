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
    public sealed class OotoProvider : VendorProvider
    {
        internal const string ProviderName = nameof(ProviderKind.Ooto);

        private readonly ImageDownloader _downloader;
        private readonly ProviderInfo _info;

        public OotoProvider(OotoOptions options)
            : this(options, null, null)
        {
        }

        /// <summary>For unit tests of edge cases only: a stand-in handler and a fixed jitter source.</summary>
        internal OotoProvider(OotoOptions options, HttpMessageHandler? handler, Func<double>? randomizer)
            : base(options, ProviderName, OotoOptions.EndpointPath, "DEEPFAKE_OOTO_APP_ID", "DEEPFAKE_OOTO_APP_KEY", handler, randomizer)
        {
            _downloader = new ImageDownloader(
                Client.Http,
                Client.Time,
                Client.Log,
                new DownloadLimits(options.MaxImageBytes, options.DownloadTimeout, options.MaxDownloadRedirects),
                new PipelineSettings(options, ProviderName),
                randomizer);
            _info = new ProviderInfo
            {
                Kind = ProviderKind.Ooto,
                Endpoint = Endpoint,
                RequiresCredential = true,
                ReturnsScore = true,
                ReturnsQuality = true,
                ReturnsDemography = true,
                AcceptsUrl = false,
                MaxImageBytes = MaxImageBytes,
            };
        }

        private protected override ProviderInfo DescribeInfo() => _info;

        private protected override Task<PreparedImage> PrepareUrlAsync(Uri url, string source, CancellationToken cancellationToken) =>
            _downloader.DownloadAsync(url, source, cancellationToken);

        private protected override VendorCall CreateCall(string source, PreparedImage image, ProviderCredential credential, CheckOptions options) =>
            new OotoCall(source, Endpoint, image, credential, options.Threshold);
    }
}
