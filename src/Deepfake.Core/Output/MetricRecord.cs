namespace Deepfake.Output
{
    /// <summary>One quality measurement with the provider's pass/fail judgement of it.</summary>
    public sealed class MetricRecord
    {
        public string Name { get; init; } = string.Empty;

        public double? Value { get; init; }

        public bool? Fine { get; init; }
    }
}
