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
    /// What every vendor provider does around its one call: the credential, the pre-flight of the image, the shared
    /// <see cref="VendorClient"/>, and pre-flight rejections returned as results. A vendor says only what differs.
    /// </summary>
    /// <remarks>
    /// The public providers wrap a subclass instead of deriving from it: a public class cannot derive from an internal
    /// one, and this skeleton is no part of the public surface.
    /// </remarks>
    internal abstract class VendorProvider : IDeepfakeProvider
    {
        private readonly ProviderCredential? _credential;
        private readonly string _appIdVariable;
        private readonly string _keyVariable;

        protected VendorProvider(
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

        public abstract ProviderInfo Info { get; }

        protected string Name { get; }

        protected VendorClient Client { get; }

        protected Uri Endpoint { get; }

        protected long MaxImageBytes { get; }

        public async Task<DeepfakeResult> CheckAsync(DeepfakeInput input, CheckOptions options, CancellationToken cancellationToken = default)
        {
            if (input is null) throw new ArgumentNullException(nameof(input));
            if (options is null) throw new ArgumentNullException(nameof(options));
            cancellationToken.ThrowIfCancellationRequested();
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
                return await Client.SendAsync(call, cancellationToken).ConfigureAwait(false);
            }
            catch (DeepfakeException ex) when (ex.Status == DeepfakeStatus.Rejected)
            {
                // Refused before any request (empty, oversized, not an image): a rejection, like the vendor's own.
                return DeepfakeResult.FromError(input.Source, Name, ex);
            }
        }

        public void Dispose() => Client.Dispose();

        /// <summary>Refuses options the vendor would refuse, before the credential is looked at or a request is made.</summary>
        protected virtual void CheckRequest(CheckOptions options, string source)
        {
        }

        /// <summary>Turns a URL that passed pre-flight into what the vendor call sends.</summary>
        protected abstract Task<PreparedImage> PrepareUrlAsync(Uri url, string source, CancellationToken cancellationToken);

        protected abstract VendorCall CreateCall(string source, PreparedImage image, ProviderCredential credential, CheckOptions options);
    }
}
