using System;
using System.Globalization;
using System.Text.Json;

namespace Deepfake.Http
{
    /// <summary>
    /// Lenient readers for vendor JSON: numbers may arrive as strings (Verihubs sends <c>"107.69"</c>), and a missing
    /// or mistyped member reads as null instead of failing the whole answer.
    /// </summary>
    internal static class JsonValues
    {
        /// <summary>The member with this name (exact, then ignoring case), or null when absent, null or not an object.</summary>
        public static JsonElement? Member(this JsonElement element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (element.TryGetProperty(name, out var value))
            {
                return value.ValueKind == JsonValueKind.Null ? (JsonElement?)null : value;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.ValueKind == JsonValueKind.Null ? (JsonElement?)null : property.Value;
                }
            }

            return null;
        }

        public static JsonElement? Member(this JsonElement? element, string name) => element?.Member(name);

        public static double? AsDouble(this JsonElement? element)
        {
            if (element is not JsonElement e)
            {
                return null;
            }

            if (e.ValueKind == JsonValueKind.Number)
            {
                return e.GetDouble();
            }

            if (e.ValueKind == JsonValueKind.String &&
                double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            return null;
        }

        public static int? AsInt(this JsonElement? element)
        {
            var value = element.AsDouble();
            return value.HasValue && value.Value >= int.MinValue && value.Value <= int.MaxValue
                ? (int)Math.Round(value.Value)
                : (int?)null;
        }

        public static bool? AsBool(this JsonElement? element)
        {
            if (element is not JsonElement e)
            {
                return null;
            }

            switch (e.ValueKind)
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String:
                    return bool.TryParse(e.GetString(), out var parsed) ? parsed : (bool?)null;
                case JsonValueKind.Number:
                    return e.GetDouble() != 0;
                default:
                    return null;
            }
        }

        public static string? AsText(this JsonElement? element)
        {
            if (element is not JsonElement e)
            {
                return null;
            }

            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    return e.GetString();
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return e.GetRawText();
                default:
                    return null;
            }
        }
    }
}
