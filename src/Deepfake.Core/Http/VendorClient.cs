using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Deepfake.Diagnostics;
using Polly;
using Polly.Timeout;

namespace Deepfake.Http
{
    /// <summary>
    /// The HTTP engine both vendor clients share: one long-lived <see cref="HttpClient"/>, the resilience pipeline,
    /// and the attempt that sends a fresh request, reads the answer and hands it to the vendor's reader.
    /// Thread-safe; a provider owns one for its lifetime.
    /// </summary>
    internal sealed class VendorClient : IDisposable
    {
        /// <summary>Vendor answers are a few kilobytes; anything this large is not one of them.</summary>
        public const int MaxResponseBytes = 1024 * 1024;

        private static readonly ProductInfoHeaderValue UserAgent =
            new ProductInfoHeaderValue("Deepfake", typeof(VendorClient).Assembly.GetName().Version?.ToString(3) ?? "0");

        private readonly ResiliencePipeline<AttemptOutcome> _pipeline;

        public VendorClient(HttpProviderOptions options, string provider, HttpMessageHandler? handler = null, Func<double>? randomizer = null)
        {
            options.Validate();
            Time = options.TimeProvider;
            Log = new DiagnosticLog(options.Diagnostics);
            Http = new HttpClient(handler ?? HttpHandlerFactory.Create(options.MaxConnections, options.ConnectTimeout, options.Proxy), disposeHandler: true)
            {
                // Polly owns every timeout; HttpClient's own would surface as an unexplained cancellation.
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            Http.DefaultRequestHeaders.UserAgent.Add(UserAgent);
            _pipeline = ProviderPipeline.Build<AttemptOutcome>(new PipelineSettings(options, provider), Time, Log, randomizer);
        }

        public HttpClient Http { get; }

        public TimeProvider Time { get; }

        public DiagnosticLog Log { get; }

        /// <summary>
        /// Runs a call through the pipeline. Returns verdicts and rejections, throws <see cref="DeepfakeException"/>
        /// for failures, and lets <see cref="OperationCanceledException"/> through only for <paramref name="cancellationToken"/>.
        /// </summary>
        /// <param name="call">The vendor request to make.</param>
        /// <param name="cancellationToken">The caller's cancellation.</param>
        /// <param name="priorAttempts">HTTP attempts the check already made before this call (downloading its image).</param>
        /// <param name="checkStarted">When the check began (a <see cref="TimeProvider"/> timestamp), for the result's elapsed time.</param>
        public async Task<DeepfakeResult> SendAsync(VendorCall call, CancellationToken cancellationToken, int priorAttempts = 0, long? checkStarted = null)
        {
            var started = Time.GetTimestamp();
            var state = new CallState(this, call, started, checkStarted ?? started, priorAttempts, cancellationToken);
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(ProviderPipeline.StartedKey, state.Started);
            context.Properties.Set(ProviderPipeline.SourceKey, call.Source);
            AttemptOutcome outcome;
            try
            {
                outcome = await _pipeline.ExecuteAsync(static (ctx, s) => s.Client.AttemptAsync(ctx, s), context, state).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
            {
                var message = string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} did not answer for '{1}' within {2} ({3} attempt(s)). Try again later, or raise the timeout.",
                    call.Provider,
                    call.Source,
                    Durations.Format(ex.Timeout),
                    state.Attempts);
                throw call.Error(DeepfakeErrorCode.Timeout, message, state.Info(), inner: ex);
            }
            catch (TimeoutRejectedException) when (cancellationToken.IsCancellationRequested)
            {
                // A timeout racing the caller's cancellation: the caller asked, so the caller's exception it is.
                throw new OperationCanceledException(cancellationToken);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            if (outcome.Result != null)
            {
                return outcome.Result;
            }

            var error = outcome.Error!;
            if (error.Status == DeepfakeStatus.Rejected)
            {
                return DeepfakeResult.FromError(call.Source, call.Provider, error);
            }

            throw error;
        }

        public void Dispose() => Http.Dispose();

        private async ValueTask<AttemptOutcome> AttemptAsync(ResilienceContext context, CallState state)
        {
            var attempt = Interlocked.Increment(ref state.Attempts);
            var call = state.Call;
            var token = context.CancellationToken;
            var started = Time.GetTimestamp();
            using var request = call.CreateRequest();
            if (Log.IsEnabled)
            {
                Log.Debug($"{request.Method} {call.Endpoint} attempt {attempt} request headers: {HeaderRedaction.Format(request.Headers, request.Content?.Headers)}");
            }

            try
            {
                using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                var body = await ReadBodyAsync(response, token).ConfigureAwait(false);
                var exchange = new VendorExchange(
                    (int)response.StatusCode,
                    body ?? string.Empty,
                    RetryAfter.From(response.Headers.RetryAfter, Time.GetUtcNow()),
                    response.Headers.Location,
                    response.Headers.Date);
                if (Log.IsEnabled)
                {
                    LogAnswer(request, call, exchange.StatusCode.ToString(CultureInfo.InvariantCulture), started, attempt);
                    Log.Debug($"{request.Method} {call.Endpoint} attempt {attempt} response headers: {HeaderRedaction.Format(response.Headers, response.Content.Headers)}");
                }

                var outcome = body is null
                    ? call.Unreadable(exchange, state.Info(), "an answer larger than " + MaxResponseBytes + " bytes")
                    : Interpret(call, exchange, state.Info());
                return outcome.Error is null
                    ? outcome
                    : AttemptOutcome.Failure(outcome.Error, TransientFailures.IsTransient(outcome.Error), outcome.RetryAfter ?? exchange.RetryAfter);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested && !state.CallerToken.IsCancellationRequested)
            {
                // A timeout cancelled this attempt; Polly turns it into a retry or a Timeout. Say so in the request log.
                if (Log.IsEnabled)
                {
                    LogAnswer(request, call, "no answer (timed out)", started, attempt);
                }

                throw;
            }
            catch (Exception ex) when (IsConnectionFailure(ex) && !token.IsCancellationRequested)
            {
                // An OperationCanceledException nobody asked for is the handler's connect timeout.
                var timedOut = ex is OperationCanceledException;
                var reason = timedOut ? "the connection timed out" : Messages(ex);
                if (Log.IsEnabled)
                {
                    LogAnswer(request, call, (timedOut ? "Timeout" : "NetworkError") + " (" + reason + ")", started, attempt);
                }

                var message = $"Could not get an answer from {call.Provider} at {call.Endpoint} for '{call.Source}': {reason}. Check the endpoint, the proxy and the network.";
                var error = call.Error(timedOut ? DeepfakeErrorCode.Timeout : DeepfakeErrorCode.NetworkError, message, state.Info(), inner: ex);
                return AttemptOutcome.Failure(error, isTransient: true);
            }
        }

        /// <summary>A reader tripping over JSON of an unexpected shape is an unreadable answer, not a crash.</summary>
        private static AttemptOutcome Interpret(VendorCall call, VendorExchange exchange, AttemptInfo attempt)
        {
            try
            {
                return call.Interpret(exchange, attempt);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is FormatException || ex is ArgumentException)
            {
                return call.Unreadable(exchange, attempt, "an answer of an unexpected shape (" + ex.Message + ")");
            }
        }

        private void LogAnswer(HttpRequestMessage request, VendorCall call, string answer, long started, int attempt) =>
            Log.Verbose(string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1} ({2}) -> {3} in {4:0} ms, attempt {5}",
                request.Method,
                call.Endpoint,
                call.Describe(),
                answer,
                Time.GetElapsedTime(started).TotalMilliseconds,
                attempt));

        /// <summary>The body as text, or null when it is larger than <see cref="MaxResponseBytes"/>.</summary>
        private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken token)
        {
            if (response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                return null;
            }

#if NET
            using var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
#else
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        private static bool IsConnectionFailure(Exception ex) =>
            ex is HttpRequestException || ex is IOException || ex is OperationCanceledException;

        private static string Messages(Exception ex)
        {
            var text = new StringBuilder(ex.Message);
            for (var inner = ex.InnerException; inner != null; inner = inner.InnerException)
            {
                text.Append(" (").Append(inner.Message).Append(')');
            }

            return text.ToString();
        }

        /// <summary>One check's progress through the pipeline.</summary>
        private sealed class CallState
        {
            public int Attempts;

            public CallState(VendorClient client, VendorCall call, long started, long checkStarted, int priorAttempts, CancellationToken callerToken)
            {
                Client = client;
                Call = call;
                Started = started;
                CheckStarted = checkStarted;
                PriorAttempts = priorAttempts;
                CallerToken = callerToken;
            }

            public CancellationToken CallerToken { get; }

            public VendorClient Client { get; }

            public VendorCall Call { get; }

            /// <summary>When this vendor call began: its total timeout counts from here.</summary>
            public long Started { get; }

            /// <summary>When the whole check began, download included.</summary>
            public long CheckStarted { get; }

            public int PriorAttempts { get; }

            /// <summary>The check's attempts so far (the download's and this call's) and its elapsed time.</summary>
            public AttemptInfo Info() => new AttemptInfo(PriorAttempts + Volatile.Read(ref Attempts), Client.Time.GetElapsedTime(CheckStarted));
        }
    }
}
