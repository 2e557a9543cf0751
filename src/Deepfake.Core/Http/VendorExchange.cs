using System;

namespace Deepfake.Http
{
    /// <summary>One HTTP answer as received: status, body text and the few headers the clients act on.</summary>
    internal sealed class VendorExchange
    {
        public VendorExchange(int statusCode, string body, TimeSpan? retryAfter, Uri? location, DateTimeOffset? date)
        {
            StatusCode = statusCode;
            Body = body;
            RetryAfter = retryAfter;
            Location = location;
            Date = date;
        }

        public int StatusCode { get; }

        public string Body { get; }

        public TimeSpan? RetryAfter { get; }

        public Uri? Location { get; }

        public DateTimeOffset? Date { get; }

        public bool IsSuccess => StatusCode >= 200 && StatusCode <= 299;

        /// <summary>The body for <see cref="DeepfakeResult.RawResponse"/>; null when empty.</summary>
        public string? RawBody => Body.Length == 0 ? null : Body;
    }
}
