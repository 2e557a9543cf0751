using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Deepfake.Credentials;
using Deepfake.Http;
using Deepfake.Preflight;
using Deepfake.Providers;

namespace Deepfake.Verihubs
{
    /// <summary>
    /// Verihubs' deepfake API: sends the image as base64 JSON (streamed, never held as one string) or passes a URL
    /// through, and returns the verdict with face box, landmarks and, when asked, quality and attributes.
    /// Immutable and thread-safe; dispose it to close its connections.
    /// </summary>
    /// <remarks>A retried check may be billed twice; see <see cref="HttpProviderOptions"/>.</remarks>
    public sealed class VerihubsProvider : IDeepfakeProvider
    {
        internal const string ProviderName = nameof(ProviderKind.Verihubs);

        private readonly VendorClient _client;
        private readonly ProviderCredential? _credential;
        private readonly Uri _endpoint;
        private readonly long _maxImageBytes;

        public VerihubsProvider(VerihubsOptions options)
            : this(options, null, null)
        {
        }

        /// <summary>For unit tests of edge cases only: a stand-in handler and a fixed jitter source.</summary>
        internal VerihubsProvider(VerihubsOptions options, HttpMessageHandler? handler, Func<double>? randomizer)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            _client = new VendorClient(options, ProviderName, handler, randomizer);
            _credential = options.Credential;
            _endpoint = EndpointAddress.Combine(options.BaseUrl, VerihubsOptions.EndpointPath);
            _maxImageBytes = options.MaxImageBytes;
            Info = new ProviderInfo
            {
                Kind = ProviderKind.Verihubs,
                Endpoint = _endpoint,
                RequiresCredential = true,
                ReturnsQuality = true,
                ReturnsAttributes = true,
                AcceptsUrl = true,
                MaxImageBytes = _maxImageBytes,
                Formats = "JPEG, PNG",
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
                RequireConsistent(options, input.Source);
                var credential = ProviderCredentials.Require(_credential, ProviderName, input.Source, "DEEPFAKE_VERIHUBS_APP_ID", "DEEPFAKE_VERIHUBS_API_KEY");
                PreparedImage image;
                if (input.Kind == InputKind.File)
                {
                    image = ImagePreflight.CheckFile(input.Source, ProviderName, _maxImageBytes);
                }
                else
                {
                    ImagePreflight.CheckUrl(input.Uri!, input.Source, ProviderName);
                    image = PreparedImage.FromUrl(input.Uri!);
                }

                var call = new VerihubsCall(input.Source, _endpoint, image, credential, options);
                return await _client.SendAsync(call, cancellationToken).ConfigureAwait(false);
            }
            catch (DeepfakeException ex) when (ex.Status == DeepfakeStatus.Rejected)
            {
                // Refused before any request (empty, oversized, not an image): a rejection, like the vendor's own.
                return DeepfakeResult.FromError(input.Source, ProviderName, ex);
            }
        }

        public void Dispose() => _client.Dispose();

        /// <summary>Verihubs refuses validation without the matching include flag; say so without spending a request.</summary>
        private static void RequireConsistent(CheckOptions options, string source)
        {
            string? code = null;
            string? what = null;
            if (options.ValidateQuality && !options.IncludeQuality)
            {
                code = "INVALID_PAYLOAD_QUALITY_VALIDATION_DEPENDENCY";
                what = "quality validation needs quality to be included (validate_quality requires is_quality)";
            }
            else if (options.ValidateAttributes && !options.IncludeAttributes)
            {
                code = "INVALID_PAYLOAD_ATTRIBUTE_VALIDATION_DEPENDENCY";
                what = "attribute validation needs attributes to be included (validate_attribute requires is_attribute)";
            }

            if (code != null)
            {
                throw new DeepfakeException(DeepfakeErrorCode.InvalidRequest, $"Cannot check '{source}' with {ProviderName}: {what}. Ask for both.")
                {
                    Provider = ProviderName,
                    InputSource = source,
                    ProviderCode = code,
                };
            }
        }
    }
}
