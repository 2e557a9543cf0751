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
    public sealed class VerihubsProvider : VendorProvider
    {
        internal const string ProviderName = nameof(ProviderKind.Verihubs);

        private readonly ProviderInfo _info;

        public VerihubsProvider(VerihubsOptions options)
            : this(options, null, null)
        {
        }

        /// <summary>For unit tests of edge cases only: a stand-in handler and a fixed jitter source.</summary>
        internal VerihubsProvider(VerihubsOptions options, HttpMessageHandler? handler, Func<double>? randomizer)
            : base(options, ProviderName, VerihubsOptions.EndpointPath, "DEEPFAKE_VERIHUBS_APP_ID", "DEEPFAKE_VERIHUBS_API_KEY", handler, randomizer)
        {
            _info = new ProviderInfo
            {
                Kind = ProviderKind.Verihubs,
                Endpoint = Endpoint,
                RequiresCredential = true,
                ReturnsQuality = true,
                ReturnsAttributes = true,
                AcceptsUrl = true,
                MaxImageBytes = MaxImageBytes,
                Formats = "JPEG, PNG",
            };
        }

        private protected override ProviderInfo DescribeInfo() => _info;

        private protected override void CheckRequest(CheckOptions options, string source) => RequireConsistent(options, source);

        // Verihubs fetches the URL itself: it goes through in the request's image member.
        private protected override Task<PreparedImage> PrepareUrlAsync(Uri url, string source, CancellationToken cancellationToken) =>
            Task.FromResult(PreparedImage.FromUrl(url));

        private protected override VendorCall CreateCall(string source, PreparedImage image, ProviderCredential credential, CheckOptions options) =>
            new VerihubsCall(source, Endpoint, image, credential, options);

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
