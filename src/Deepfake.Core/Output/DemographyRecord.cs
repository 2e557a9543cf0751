namespace Deepfake.Output
{
    /// <summary>The provider's estimate of age, gender and ethnicity, as serialised in a report.</summary>
    public sealed class DemographyRecord
    {
        public int? Age { get; init; }

        public string? Gender { get; init; }

        public string? Race { get; init; }

        internal static DemographyRecord From(Demography d) => new DemographyRecord { Age = d.Age, Gender = d.Gender, Race = d.Race };
    }
}
