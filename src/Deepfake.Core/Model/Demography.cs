using System.Collections.Generic;
using System.Globalization;

namespace Deepfake
{
    /// <summary>The provider's estimate of age, gender and ethnicity (OOTO).</summary>
    public sealed class Demography
    {
        public Demography(int? age, string? gender, string? race)
        {
            Age = age;
            Gender = gender;
            Race = race;
        }

        public int? Age { get; }

        public string? Gender { get; }

        public string? Race { get; }

        public override string ToString()
        {
            var parts = new List<string>();
            if (Age.HasValue) parts.Add(Age.Value.ToString(CultureInfo.InvariantCulture));
            if (Gender != null) parts.Add(Gender);
            if (Race != null) parts.Add(Race);
            return string.Join(", ", parts);
        }
    }
}
