using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;

namespace Deepfake.Diagnostics
{
    /// <summary>
    /// Formats HTTP headers for Debug diagnostics from an allow-list: key headers show as <c>***</c>, headers nobody
    /// reviewed show as <c>REDACTED</c>, so a header added later cannot leak by default.
    /// </summary>
    internal static class HeaderRedaction
    {
        public const string Secret = "***";
        public const string Redacted = "REDACTED";

        private static readonly HashSet<string> SecretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "APP-KEY", "API-Key", "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
        };

        private static readonly HashSet<string> AllowedHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "APP-ID", "Accept", "Accept-Encoding", "Connection", "Content-Encoding", "Content-Length", "Content-Type",
            "Date", "Location", "Request-Id", "Retry-After", "Server", "traceparent", "Transfer-Encoding", "User-Agent",
            "X-Request-Id",
        };

        public static string Value(string name, IEnumerable<string> values)
        {
            if (SecretHeaders.Contains(name))
            {
                return Secret;
            }

            if (!AllowedHeaders.Contains(name))
            {
                return Redacted;
            }

            var text = string.Join(", ", values);
            return string.Equals(name, "Location", StringComparison.OrdinalIgnoreCase) ? UrlRedaction.Redact(text) : text;
        }

        /// <summary><c>Name: value; Name: value</c>, in the order given.</summary>
        public static string Format(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
            string.Join("; ", headers.Select(h => h.Key + ": " + Value(h.Key, h.Value)));

        public static string Format(HttpHeaders headers, HttpHeaders? contentHeaders)
        {
            var all = contentHeaders is null ? headers : headers.Concat(contentHeaders);
            return Format(all);
        }
    }
}
