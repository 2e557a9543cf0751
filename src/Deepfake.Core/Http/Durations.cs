using System;
using System.Globalization;

namespace Deepfake.Http
{
    /// <summary>Durations for people: <c>250 ms</c>, <c>30 s</c>, <c>2 min</c>.</summary>
    internal static class Durations
    {
        public static string Format(TimeSpan value)
        {
            if (value < TimeSpan.FromSeconds(1))
            {
                return value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
            }

            if (value < TimeSpan.FromMinutes(2))
            {
                return value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
            }

            return value.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";
        }
    }
}
