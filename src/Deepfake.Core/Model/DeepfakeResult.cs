using System;

namespace Deepfake
{
    /// <summary>
    /// The one result every provider returns for one input, whatever the outcome. Properties a provider does not
    /// supply are null. Every property reads as a meaningful scalar through <c>ToString()</c>, so CSV export works.
    /// </summary>
    public sealed class DeepfakeResult
    {
        /// <summary>The input as given: a path or a URL.</summary>
        public string Source { get; init; } = string.Empty;

        /// <summary>The provider that answered (<c>Ooto</c>, <c>Verihubs</c>, <c>Local</c>).</summary>
        public string Provider { get; init; } = string.Empty;

        public DeepfakeStatus Status { get; init; }

        /// <summary>True for a deepfake, false for genuine, null when nothing was decided.</summary>
        public bool? IsDeepfake { get; init; }

        /// <summary>OOTO's genuineness score in [0, 1], higher meaning more likely genuine; null for other providers.</summary>
        public double? Score { get; init; }

        /// <summary>The caller's threshold when one decided the verdict; null when the provider's own decision stands.</summary>
        public double? Threshold { get; init; }

        /// <summary>Why the image was rejected or the check failed; null on a verdict.</summary>
        public DeepfakeErrorCode? ErrorCode { get; init; }

        /// <summary>The provider's own code for the outcome (OOTO engine code, Verihubs <c>error_code</c>), as text.</summary>
        public string? ProviderCode { get; init; }

        /// <summary>A sentence for people: the provider's message or the client's explanation.</summary>
        public string? Message { get; init; }

        /// <summary>The provider's transaction or session id, for support tickets.</summary>
        public string? TransactionId { get; init; }

        public FaceRegion? Face { get; init; }

        public int? FaceCount { get; init; }

        /// <summary>Degrees the provider rotated the image to find the face (Verihubs).</summary>
        public int? Rotation { get; init; }

        public FaceQuality? Quality { get; init; }

        public FaceAttributes? Attributes { get; init; }

        public Demography? Demography { get; init; }

        /// <summary>The HTTP status of the last response, when there was one.</summary>
        public int? HttpStatus { get; init; }

        /// <summary>The provider's billing or status code (Verihubs <c>status_code</c>, for example <c>FACE-3</c>).</summary>
        public string? ProviderStatus { get; init; }

        /// <summary>When the provider says it finished the check.</summary>
        public DateTimeOffset? Timestamp { get; init; }

        /// <summary>What the file declares about its own origin (offline provider).</summary>
        public ReadableList<Evidence> Evidence { get; init; } = ReadableList<Evidence>.None;

        /// <summary>How many HTTP attempts the check took, an image URL's download attempts included (0 when none was needed).</summary>
        public int Attempts { get; init; }

        private TimeSpan _elapsed;

        public TimeSpan Elapsed { get => _elapsed; init => _elapsed = value; }

        public double ElapsedMs => Math.Round(Elapsed.TotalMilliseconds, 1);

        /// <summary>The provider's response body as received, for anything the model does not cover.</summary>
        public string? RawResponse { get; init; }

        /// <summary>The result that stands for an input that could not be checked, or whose image was refused.</summary>
        public static DeepfakeResult FromError(string source, string provider, DeepfakeException error)
        {
            if (error is null) throw new ArgumentNullException(nameof(error));
            return new DeepfakeResult
            {
                Source = source,
                Provider = provider,
                Status = error.ErrorCode.ToStatus(),
                ErrorCode = error.ErrorCode,
                ProviderCode = error.ProviderCode,
                Message = error.Message,
                TransactionId = error.TransactionId,
                HttpStatus = error.HttpStatus,
                Attempts = error.Attempts,
                Elapsed = error.Elapsed,
                RawResponse = error.RawResponse,
            };
        }

        /// <summary>A copy with <see cref="Elapsed"/> set, for the batch engine to time providers that do not.</summary>
        internal DeepfakeResult WithElapsed(TimeSpan elapsed)
        {
            var copy = (DeepfakeResult)MemberwiseClone();
            copy._elapsed = elapsed;
            return copy;
        }

        public override string ToString() =>
            ErrorCode is null ? Source + ": " + Status : Source + ": " + Status + " (" + ErrorCode + ")";
    }
}
