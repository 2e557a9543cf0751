using System;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using System.Globalization;
using System.Threading.Tasks;
using Deepfake.Diagnostics;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Deepfake.Http
{
    /// <summary>
    /// Builds the Polly pipeline around each vendor attempt (and each image download attempt, with the same retry
    /// settings): an overall timeout, then retries with exponential backoff and jitter (or the server's
    /// <c>Retry-After</c>), then a timeout per attempt.
    /// </summary>
    internal static class ProviderPipeline
    {
        /// <summary>When the check began (a <see cref="TimeProvider"/> timestamp), to keep waits inside the total timeout.</summary>
        public static readonly ResiliencePropertyKey<long> StartedKey = new ResiliencePropertyKey<long>("Deepfake.Started");

        public static readonly ResiliencePropertyKey<string> SourceKey = new ResiliencePropertyKey<string>("Deepfake.Source");

        public static ResiliencePipeline<T> Build<
#if NET
            [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)]
#endif
            T>(PipelineSettings settings, TimeProvider time, DiagnosticLog log, Func<double>? randomizer = null)
            where T : class, IAttemptOutcome
        {
            var builder = new ResiliencePipelineBuilder<T> { Name = settings.Provider, TimeProvider = time };
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "Total", Timeout = settings.TotalTimeout });
            if (settings.MaxRetries > 0)
            {
                var retry = new RetryStrategyOptions<T>
                {
                    Name = "Retry",
                    MaxRetryAttempts = settings.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = settings.RetryBaseDelay,
                    MaxDelay = settings.RetryMaxDelay,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, time, settings.TotalTimeout, log)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result?.RetryAfter),
                    OnRetry = args =>
                    {
                        log.Debug(string.Format(
                            CultureInfo.InvariantCulture,
                            "{0}: retry {1} of {2} in {3:0} ms after {4}",
                            Source(args.Context),
                            args.AttemptNumber + 1,
                            settings.MaxRetries,
                            args.RetryDelay.TotalMilliseconds,
                            Reason(args.Outcome)));
                        return default;
                    },
                };
                if (randomizer != null)
                {
                    retry.Randomizer = randomizer;
                }

                builder.AddRetry(retry);
            }

            builder.AddTimeout(new TimeoutStrategyOptions { Name = "Attempt", Timeout = settings.AttemptTimeout });
            return builder.Build();
        }

        /// <summary>
        /// Retries transient outcomes and attempt timeouts; never the caller's cancellation, and not when the server's
        /// <c>Retry-After</c> would run past the total timeout (waiting would only end in a timeout instead of the real reason).
        /// </summary>
        internal static bool ShouldRetry<T>(Outcome<T> outcome, ResilienceContext context, TimeProvider time, TimeSpan totalTimeout, DiagnosticLog log)
            where T : class, IAttemptOutcome
        {
            if (outcome.Exception != null)
            {
                return outcome.Exception is TimeoutRejectedException;
            }

            var result = outcome.Result!;
            if (!result.IsTransient)
            {
                return false;
            }

            if (result.RetryAfter is TimeSpan wait && context.Properties.TryGetValue(StartedKey, out var started) &&
                time.GetElapsedTime(started) + wait >= totalTimeout)
            {
                log.Debug(string.Format(CultureInfo.InvariantCulture, "{0}: not retrying: Retry-After {1:0} s would pass the total timeout", Source(context), wait.TotalSeconds));
                return false;
            }

            return true;
        }

        private static string Source(ResilienceContext context) =>
            context.Properties.TryGetValue(SourceKey, out var source) ? source : "?";

        private static string Reason<T>(Outcome<T> outcome)
            where T : class, IAttemptOutcome
        {
            if (outcome.Exception is TimeoutRejectedException timeout)
            {
                return "no answer within " + timeout.Timeout.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
            }

            var error = outcome.Result?.Error;
            if (error is null)
            {
                return outcome.Exception?.GetType().Name ?? "?";
            }

            return error.HttpStatus is int status ? error.ErrorCode + " (HTTP " + status.ToString(CultureInfo.InvariantCulture) + ")" : error.ErrorCode.ToString();
        }
    }
}
