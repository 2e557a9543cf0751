using System;

namespace Deepfake.Http
{
    /// <summary>
    /// What one attempt concluded: a result (verdict or rejection) or an error, and whether trying again could help.
    /// Errors travel as values, not exceptions, so the retry strategy can judge them.
    /// </summary>
    internal sealed class AttemptOutcome : IAttemptOutcome
    {
        private AttemptOutcome(DeepfakeResult? result, DeepfakeException? error, bool isTransient, TimeSpan? retryAfter)
        {
            Result = result;
            Error = error;
            IsTransient = isTransient;
            RetryAfter = retryAfter;
        }

        public DeepfakeResult? Result { get; }

        public DeepfakeException? Error { get; }

        public bool IsTransient { get; }

        /// <summary>The server's <c>Retry-After</c>, which replaces the computed backoff.</summary>
        public TimeSpan? RetryAfter { get; }

        public static AttemptOutcome Success(DeepfakeResult result) => new AttemptOutcome(result, null, false, null);

        public static AttemptOutcome Failure(DeepfakeException error, bool isTransient, TimeSpan? retryAfter = null) =>
            new AttemptOutcome(null, error, isTransient, retryAfter);
    }
}
