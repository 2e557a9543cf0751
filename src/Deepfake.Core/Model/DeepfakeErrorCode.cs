namespace Deepfake
{
    /// <summary>
    /// The one error vocabulary shared by every provider. The provider's own code and text travel beside it
    /// (<see cref="DeepfakeResult.ProviderCode"/>, <see cref="DeepfakeResult.Message"/>).
    /// </summary>
    public enum DeepfakeErrorCode
    {
        /// <summary>The file or the image payload has no bytes.</summary>
        EmptyImage,

        /// <summary>Not a JPEG or PNG (WebP for the offline provider), judged by content, not by name.</summary>
        UnsupportedMediaType,

        /// <summary>The bytes claim an image format but cannot be decoded (truncated, corrupt).</summary>
        InvalidImage,

        /// <summary>Larger than the provider accepts.</summary>
        ImageTooLarge,

        /// <summary>No face was detected.</summary>
        NoFace,

        /// <summary>More than one face was detected.</summary>
        MultipleFaces,

        /// <summary>The face is too small to extract features from.</summary>
        FaceTooSmall,

        /// <summary>The caller asked for quality validation and the image failed it.</summary>
        QualityRejected,

        /// <summary>The caller asked for attribute validation and the image failed it.</summary>
        AttributeRejected,

        /// <summary>The provider refused the request as malformed, or the options are contradictory.</summary>
        InvalidRequest,

        /// <summary>The input itself is unusable: a directory, an unsupported URL scheme, a symlink loop.</summary>
        InvalidInput,

        /// <summary>An image URL could not be fetched in time.</summary>
        ImageUrlTimeout,

        /// <summary>The credential is missing or was refused.</summary>
        Unauthorized,

        /// <summary>The account's quota is exhausted.</summary>
        QuotaExceeded,

        /// <summary>The provider throttled the caller and retries did not get through.</summary>
        RateLimited,

        /// <summary>The provider failed (5xx) and retries did not get through.</summary>
        ServerError,

        /// <summary>No answer arrived in time.</summary>
        Timeout,

        /// <summary>The connection could not be made or broke.</summary>
        NetworkError,

        /// <summary>The provider answered something this client cannot read.</summary>
        ProtocolError,

        /// <summary>The file does not exist.</summary>
        FileNotFound,

        /// <summary>The file exists but cannot be read.</summary>
        AccessDenied,

        /// <summary>The provider reported an error this client does not know; its code and text are kept.</summary>
        ProviderError,

        /// <summary>The caller cancelled before this input finished.</summary>
        Cancelled,
    }
}
