using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Deepfake
{
    /// <summary>
    /// The image quality of the detected face: head pose where the provider measures it, and every metric with
    /// its verdict. <see cref="IsAcceptable"/> is false when any metric failed.
    /// </summary>
    public sealed class FaceQuality
    {
        public FaceQuality(double? pitch, double? yaw, double? roll, IEnumerable<QualityMetric>? metrics)
        {
            Pitch = pitch;
            Yaw = yaw;
            Roll = roll;
            Metrics = ReadableList<QualityMetric>.From(metrics);
            FailedChecks = ReadableList<string>.From(Metrics.Where(m => m.Fine == false).Select(m => m.Name));
        }

        public double? Pitch { get; }

        public double? Yaw { get; }

        public double? Roll { get; }

        public ReadableList<QualityMetric> Metrics { get; }

        /// <summary>The names of the metrics the provider judged not fine.</summary>
        public ReadableList<string> FailedChecks { get; }

        public bool IsAcceptable => FailedChecks.Count == 0;

        /// <summary>The metric with this name, or null.</summary>
        public QualityMetric? this[string name] =>
            Metrics.FirstOrDefault(m => string.Equals(m.Name, name, System.StringComparison.OrdinalIgnoreCase));

        public override string ToString()
        {
            var verdict = IsAcceptable ? "acceptable" : "failed: " + string.Join(", ", FailedChecks);
            if (Pitch is null && Yaw is null && Roll is null)
            {
                return verdict;
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "{0} (pitch {1:0.#}, yaw {2:0.#}, roll {3:0.#})",
                verdict,
                Pitch,
                Yaw,
                Roll);
        }
    }
}
