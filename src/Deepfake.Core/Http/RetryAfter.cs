using System;
using System.Net.Http.Headers;

namespace Deepfake.Http
{
    /// <summary>Reads <c>Retry-After</c> in both of its forms: delay seconds and an HTTP-date.</summary>
    internal static class RetryAfter
    {
        public static TimeSpan? From(RetryConditionHeaderValue? header, DateTimeOffset now)
        {
            if (header is null)
            {
                return null;
            }

            if (header.Delta is TimeSpan delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (header.Date is DateTimeOffset date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        /// <summary>Parses a raw header value; null when it is neither form.</summary>
        public static TimeSpan? Parse(string? value, DateTimeOffset now) =>
            value != null && RetryConditionHeaderValue.TryParse(value.Trim(), out var header) ? From(header, now) : null;
    }
}
