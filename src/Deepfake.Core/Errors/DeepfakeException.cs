using System;

namespace Deepfake
{
    /// <summary>
    /// The one exception the core throws for an input it could not check, or whose image the provider refused.
    /// It carries the shared <see cref="DeepfakeErrorCode"/> and, beside it, the provider's own code and text.
    /// Its message never contains a credential.
    /// </summary>
    public sealed class DeepfakeException : Exception
    {
        public DeepfakeException(DeepfakeErrorCode errorCode, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorCode = errorCode;
        }

        public DeepfakeErrorCode ErrorCode { get; }

        /// <summary>The provider's name, when the error came from one.</summary>
        public string? Provider { get; init; }

        /// <summary>The input being checked (path or URL), when known.</summary>
        public string? InputSource { get; init; }

        public int? HttpStatus { get; init; }

        /// <summary>The provider's own code, as text (OOTO's number, Verihubs' <c>error_code</c>).</summary>
        public string? ProviderCode { get; init; }

        public string? TransactionId { get; init; }

        /// <summary>How many HTTP attempts were made before giving up.</summary>
        public int Attempts { get; init; }

        public TimeSpan Elapsed { get; init; }

        /// <summary>The response body as received, when there was one.</summary>
        public string? RawResponse { get; init; }

        /// <summary>The <see cref="DeepfakeStatus"/> this error gives its input.</summary>
        public DeepfakeStatus Status => ErrorCode.ToStatus();
    }
}
