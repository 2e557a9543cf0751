using System.Collections.Generic;
using System.Linq;

namespace Deepfake.Output
{
    /// <summary>
    /// The flat, serialisable projection of one <see cref="DeepfakeResult"/> that both adapters write as JSON or
    /// CSV. Field names are the report's contract (camelCase in JSON); the status and error code are the core's
    /// vocabulary as text, so a report reads the same whichever adapter wrote it. The raw response body is left
    /// out on purpose: it is large, vendor-shaped, and already summarised by the other fields.
    /// </summary>
    public sealed class ResultRecord
    {
        /// <summary>The input's position in the batch (0-based), so streamed lines can be put back in order.</summary>
        public long? Index { get; init; }

        public string Source { get; init; } = string.Empty;

        public string Provider { get; init; } = string.Empty;

        /// <summary><c>genuine</c>, <c>deepfake</c>, <c>inconclusive</c>, <c>rejected</c> or <c>failed</c>.</summary>
        public string Status { get; init; } = string.Empty;

        public bool? IsDeepfake { get; init; }

        public double? Score { get; init; }

        public double? Threshold { get; init; }

        /// <summary>The core's error code by name (for example <c>NoFace</c>), null on a verdict.</summary>
        public string? ErrorCode { get; init; }

        public string? ProviderCode { get; init; }

        public string? Message { get; init; }

        public string? TransactionId { get; init; }

        public int? HttpStatus { get; init; }

        public string? ProviderStatus { get; init; }

        public int? FaceCount { get; init; }

        public int? Rotation { get; init; }

        public FaceRecord? Face { get; init; }

        public QualityRecord? Quality { get; init; }

        public AttributesRecord? Attributes { get; init; }

        public DemographyRecord? Demography { get; init; }

        public IReadOnlyList<EvidenceRecord> Evidence { get; init; } = new EvidenceRecord[0];

        /// <summary>When the provider says it finished, as ISO 8601 text.</summary>
        public string? Timestamp { get; init; }

        public int Attempts { get; init; }

        public double ElapsedMs { get; init; }

        /// <summary>Projects <paramref name="result"/>; <paramref name="index"/> is its position in the batch, when known.</summary>
        public static ResultRecord From(DeepfakeResult result, long? index = null)
        {
            if (result is null) throw new System.ArgumentNullException(nameof(result));
            return new ResultRecord
            {
                Index = index,
                Source = result.Source,
                Provider = result.Provider,
                Status = StatusText(result.Status),
                IsDeepfake = result.IsDeepfake,
                Score = result.Score,
                Threshold = result.Threshold,
                ErrorCode = result.ErrorCode?.ToString(),
                ProviderCode = result.ProviderCode,
                Message = result.Message,
                TransactionId = result.TransactionId,
                HttpStatus = result.HttpStatus,
                ProviderStatus = result.ProviderStatus,
                FaceCount = result.FaceCount,
                Rotation = result.Rotation,
                Face = result.Face is null ? null : FaceRecord.From(result.Face),
                Quality = result.Quality is null ? null : QualityRecord.From(result.Quality),
                Attributes = result.Attributes is null ? null : AttributesRecord.From(result.Attributes),
                Demography = result.Demography is null ? null : DemographyRecord.From(result.Demography),
                Evidence = result.Evidence.Select(e => new EvidenceRecord { Kind = e.Kind, Value = e.Value, Location = e.Location }).ToList(),
                Timestamp = result.Timestamp?.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                Attempts = result.Attempts,
                ElapsedMs = result.ElapsedMs,
            };
        }

        /// <summary>The lower-case status word reports use.</summary>
        public static string StatusText(DeepfakeStatus status)
        {
            switch (status)
            {
                case DeepfakeStatus.Genuine: return "genuine";
                case DeepfakeStatus.Deepfake: return "deepfake";
                case DeepfakeStatus.Inconclusive: return "inconclusive";
                case DeepfakeStatus.Rejected: return "rejected";
                default: return "failed";
            }
        }
    }
}
