using System;

namespace Deepfake.Http
{
    /// <summary>
    /// What the retry strategy needs to judge one attempt, whatever it fetched (a vendor's verdict, a downloaded image):
    /// the error as a value, whether trying again could help, and the server's <c>Retry-After</c>.
    /// </summary>
    internal interface IAttemptOutcome
    {
        DeepfakeException? Error { get; }

        bool IsTransient { get; }

        /// <summary>The server's <c>Retry-After</c>, which replaces the computed backoff.</summary>
        TimeSpan? RetryAfter { get; }
    }
}
