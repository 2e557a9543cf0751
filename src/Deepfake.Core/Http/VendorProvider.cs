using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Deepfake.Credentials;
using Deepfake.Preflight;
using Deepfake.Providers;

namespace Deepfake.Http
{
    /// <summary>
    /// A vendor's deepfake API behind one HTTP call: checks the credential and pre-flights the image before any
    /// request, retries transient failures, and returns pre-flight refusals as rejected results.
    /// Immutable and thread-safe; dispose it to close its connections.
    /// </summary>
    /// <remarks>
    /// A retried check may be billed twice; see <see cref="HttpProviderOptions"/>.
    /// Only the providers of this library derive from it (its constructor and hooks are not visible outside it).
    /// </remarks>
    public abstract class VendorProvider : IDeepfakeProvider
    {
        private readonly ProviderCredential? _credential;
        private readonly string _appIdVariable;
        private readonly string _keyVariable;

        private protected VendorProvider(
            HttpProviderOptions options,
            string providerName,
            string endpointPath,
            string appIdVariable,
            string keyVariable,
            HttpMessageHandler? handler,
            Func<double>? randomizer)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            Name = providerName;
            Client = new VendorClient(options, providerName, handler, randomizer);
            _credential = options.Credential;
            Endpoint = EndpointAddress.Combine(options.BaseUrl, endpointPath);
            MaxImageBytes = options.MaxImageBytes;
            _appIdVariable = appIdVariable;
            _keyVariable = keyVariable;
        }

        /// <summary>What this provider is, where it sends requests and what it returns.</summary>
        public ProviderInfo Info => DescribeInfo();

        private protected string Name { get; }

        private protected VendorClient Client { get; }

        private protected Uri Endpoint { get; }

        private protected long MaxImageBytes { get; }

        /// <inheritdoc/>
        public async Task<DeepfakeResult> CheckAsync(DeepfakeInput input, CheckOptions options, CancellationToken cancellationToken = default)
        {
            if (input is null) throw new ArgumentNullException(nameof(input));
            if (options is null) throw new ArgumentNullException(nameof(options));
            cancellationToken.ThrowIfCancellationRequested();
            var started = Client.Time.GetTimestamp();
            try
            {
                CheckRequest(options, input.Source);
                var credential = ProviderCredentials.Require(_credential, Name, input.Source, _appIdVariable, _keyVariable);
                PreparedImage image;
                if (input.Kind == InputKind.File)
                {
                    image = ImagePreflight.CheckFile(input.Source, Name, MaxImageBytes);
                }
                else
                {
                    ImagePreflight.CheckUrl(input.Uri!, input.Source, Name);
                    image = await PrepareUrlAsync(input.Uri!, input.Source, cancellationToken).ConfigureAwait(false);
                }

                var call = CreateCall(input.Source, image, credential, options);
                // A downloaded image's attempts and time count towards the check's: Attempts is every HTTP attempt made for it.
                return await Client.SendAsync(call, cancellationToken, image.Attempts, started).ConfigureAwait(false);
            }
            catch (DeepfakeException ex) when (ex.Status == DeepfakeStatus.Rejected)
            {
                // Refused before any request (empty, oversized, not an image): a rejection, like the vendor's own.
                return DeepfakeResult.FromError(input.Source, Name, ex);
            }
        }

        /// <summary>Closes the provider's connections.</summary>
        public void Dispose() => Client.Dispose();

        /// <summary>The vendor's <see cref="ProviderInfo"/>, built once by the constructor and returned as is.</summary>
        private protected abstract ProviderInfo DescribeInfo();

        /// <summary>Refuses options the vendor would refuse, before the credential is looked at or a request is made.</summary>
        private protected virtual void CheckRequest(CheckOptions options, string source)
        {
        }

        /// <summary>Turns a URL that passed pre-flight into what the vendor call sends.</summary>
        private protected abstract Task<PreparedImage> PrepareUrlAsync(Uri url, string source, CancellationToken cancellationToken);

        /// <summary>Builds the vendor request for an image that passed pre-flight.</summary>
        private protected abstract VendorCall CreateCall(string source, PreparedImage image, ProviderCredential credential, CheckOptions options);
    }
}
