using System.Linq;
using System.Globalization;

namespace Deepfake
{
    /// <summary>One quality measurement with the provider's pass/fail judgement of it.</summary>
    public sealed class QualityMetric
    {
        public QualityMetric(string name, double? value, bool? fine)
        {
            Name = name;
            Value = value;
            Fine = fine;
        }

        /// <summary>The provider's name for the metric (for example <c>blur</c>, <c>exposure</c>, <c>dark</c>).</summary>
        public string Name { get; }

        /// <summary>The measured value; null where the provider gives only a verdict (Verihubs).</summary>
        public double? Value { get; }

        /// <summary>Whether the provider considers the metric acceptable; null where it gives no verdict.</summary>
        public bool? Fine { get; }

        public override string ToString()
        {
            var value = Value.HasValue ? Value.Value.ToString("0.####", CultureInfo.InvariantCulture) : null;
            var verdict = Fine switch { true => "ok", false => "FAIL", _ => null };
            return Name + "=" + string.Join(" ", new[] { value, verdict }.Where(s => s != null));
        }
    }
}
