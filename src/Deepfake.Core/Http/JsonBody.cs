using System.Text.Json;

namespace Deepfake.Http
{
    /// <summary>Parses a vendor's response body, accepting what the vendors' own pages print.</summary>
    internal static class JsonBody
    {
        /// <summary>
        /// The parsed body, or null when it is not JSON. Verihubs' page prints its syntax-error sample without the
        /// enclosing braces; a body that is a bare list of members is read as the object it was meant to be.
        /// </summary>
        public static JsonDocument? TryParse(string body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return null;
            }

            var parsed = TryParseExact(body);
            if (parsed is null && body.TrimStart().StartsWith("\"", System.StringComparison.Ordinal))
            {
                parsed = TryParseExact("{" + body + "}");
            }

            return parsed;
        }

        private static JsonDocument? TryParseExact(string text)
        {
            try
            {
                return JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
