using System;

namespace Deepfake.Diagnostics
{
    /// <summary>
    /// Hides query values in URLs written to diagnostics: signed image URLs carry their signature in the query.
    /// </summary>
    internal static class UrlRedaction
    {
        public static string Redact(string url)
        {
            var query = url.IndexOf('?');
            if (query < 0)
            {
                return url;
            }

            var fragment = url.IndexOf('#', query);
            var end = fragment < 0 ? url.Length : fragment;
            var pairs = url.Substring(query + 1, end - query - 1).Split('&');
            for (var i = 0; i < pairs.Length; i++)
            {
                var eq = pairs[i].IndexOf('=');
                if (eq >= 0)
                {
                    pairs[i] = pairs[i].Substring(0, eq + 1) + HeaderRedaction.Redacted;
                }
            }

            return url.Substring(0, query + 1) + string.Join("&", pairs);
        }

        public static string Redact(Uri url) => Redact(url.OriginalString);

        /// <summary>An input as diagnostics name it: an http(s) URL redacted, anything else (a path may hold '?') as given.</summary>
        public static string RedactInput(string source) =>
            Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? Redact(source)
                : source;
    }
}
