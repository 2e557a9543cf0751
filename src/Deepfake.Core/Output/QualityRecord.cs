using System.Collections.Generic;
using System.Linq;

namespace Deepfake.Output
{
    /// <summary>Image quality as serialised in a report: the overall judgement, head pose and every metric.</summary>
    public sealed class QualityRecord
    {
        public bool Acceptable { get; init; }

        public IReadOnlyList<string> FailedChecks { get; init; } = new string[0];

        public double? Pitch { get; init; }

        public double? Yaw { get; init; }

        public double? Roll { get; init; }

        public IReadOnlyList<MetricRecord> Metrics { get; init; } = new MetricRecord[0];

        internal static QualityRecord From(FaceQuality quality) => new QualityRecord
        {
            Acceptable = quality.IsAcceptable,
            FailedChecks = quality.FailedChecks.ToList(),
            Pitch = quality.Pitch,
            Yaw = quality.Yaw,
            Roll = quality.Roll,
            Metrics = quality.Metrics.Select(m => new MetricRecord { Name = m.Name, Value = m.Value, Fine = m.Fine }).ToList(),
        };
    }
}
