using System;
using Deepfake.Http;

namespace Deepfake.Verihubs
{
    /// <summary>Settings for <see cref="VerihubsProvider"/>.</summary>
    public sealed class VerihubsOptions : HttpProviderOptions
    {
        /// <summary>The documented path, appended to <see cref="HttpProviderOptions.BaseUrl"/>.</summary>
        public const string EndpointPath = "/v1/face/deepfake";

        /// <summary>Verihubs' documented limit, "Max File size: 5MB", read as 5 MiB of image (before base64).</summary>
        public const long DefaultMaxImageBytes = 5L * 1024 * 1024;

        public static readonly Uri DefaultBaseUrl = new Uri("https://api.verihubs.com");

        public VerihubsOptions()
            : base(DefaultBaseUrl, DefaultMaxImageBytes)
        {
        }
    }
}
