using System;
using System.Collections.Generic;

namespace Deepfake
{
    /// <summary>
    /// Whether a face photo is good enough to check, as one pass/fail answer (<see cref="IsAcceptable"/>) and the
    /// names of the checks that failed: the provider's failed quality metrics, the objects found on the face when
    /// attributes were asked for, and the reason the image was refused (for example <c>NoFace</c>).
    /// </summary>
    public sealed class QualityReport
    {
        /// <summary>The failed check named when the provider sent no quality at all for an image it accepted.</summary>
        public const string QualityNotReported = "QualityNotReported";

        private QualityReport(DeepfakeResult result, ReadableList<string> failedChecks)
        {
            Source = result.Source;
            Provider = result.Provider;
            Status = result.Status;
            ErrorCode = result.ErrorCode;
            Message = result.Message;
            Quality = result.Quality;
            Attributes = result.Attributes;
            Metrics = result.Quality?.Metrics ?? ReadableList<QualityMetric>.None;
            FailedChecks = failedChecks;
            Result = result;
        }

        public string Source { get; }

        public string Provider { get; }

        /// <summary>True when no check failed.</summary>
        public bool IsAcceptable => FailedChecks.Count == 0;

        public ReadableList<string> FailedChecks { get; }

        public ReadableList<QualityMetric> Metrics { get; }

        public FaceQuality? Quality { get; }

        public FaceAttributes? Attributes { get; }

        /// <summary>The status of the check the report came from (a refused image is <see cref="DeepfakeStatus.Rejected"/>).</summary>
        public DeepfakeStatus Status { get; }

        public DeepfakeErrorCode? ErrorCode { get; }

        public string? Message { get; }

        /// <summary>The full result the report was read from.</summary>
        public DeepfakeResult Result { get; }

        public static QualityReport FromResult(DeepfakeResult result)
        {
            if (result is null) throw new ArgumentNullException(nameof(result));

            var failed = new List<string>();
            if (result.Quality != null)
            {
                failed.AddRange(result.Quality.FailedChecks);
            }

            if (result.Attributes != null)
            {
                if (result.Attributes.Sunglasses == true) failed.Add(nameof(FaceAttributes.Sunglasses));
                if (result.Attributes.Mask == true) failed.Add(nameof(FaceAttributes.Mask));
                if (result.Attributes.Veil == true) failed.Add(nameof(FaceAttributes.Veil));
                if (result.Attributes.Hat == true) failed.Add(nameof(FaceAttributes.Hat));
                if (result.Attributes.FaceBlocker == true) failed.Add(nameof(FaceAttributes.FaceBlocker));
            }

            // A refusal names its reason, unless it is a failed gate whose failed checks are already named.
            var explained = failed.Count > 0 &&
                (result.ErrorCode == DeepfakeErrorCode.QualityRejected || result.ErrorCode == DeepfakeErrorCode.AttributeRejected);
            if (result.ErrorCode is DeepfakeErrorCode code && !explained)
            {
                failed.Add(code.ToString());
            }
            else if (result.Quality is null && result.ErrorCode is null)
            {
                failed.Add(QualityNotReported);
            }

            return new QualityReport(result, ReadableList<string>.From(failed));
        }

        public override string ToString() =>
            Source + ": " + (IsAcceptable ? "acceptable" : "failed " + string.Join(", ", FailedChecks));
    }
}
