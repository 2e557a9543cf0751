using System;
using System.Net.Http;
using System.Net.Http.Headers;
using Deepfake.Credentials;

namespace Deepfake.Http
{
    /// <summary>
    /// One check as a vendor client sees it: how to build a fresh request for each attempt and how to read an answer.
    /// </summary>
    internal abstract class VendorCall
    {
        protected VendorCall(string provider, string source, Uri endpoint)
        {
            Provider = provider;
            Source = source;
            Endpoint = endpoint;
        }

        public string Provider { get; }

        public string Source { get; }

        public Uri Endpoint { get; }

        /// <summary>For the Verbose line: <c>photo.jpg, 66489 bytes</c>.</summary>
        public abstract string Describe();

        /// <summary>A new request with new content; a sent request cannot be sent again.</summary>
        public abstract HttpRequestMessage CreateRequest();

        /// <summary>
        /// A POST of <paramref name="content"/> to the endpoint, asking for JSON, with the credential in the vendor's
        /// two documented headers: the one place a key enters a request.
        /// </summary>
        protected HttpRequestMessage Post(HttpContent content, string appIdHeader, string keyHeader, ProviderCredential credential)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
            request.Headers.TryAddWithoutValidation(appIdHeader, credential.AppId);
            request.Headers.TryAddWithoutValidation(keyHeader, credential.Key);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return request;
        }

        /// <summary>Reads one answer into a result or an error. Must not throw for anything a server can send.</summary>
        public abstract AttemptOutcome Interpret(VendorExchange exchange, AttemptInfo attempt);

        public DeepfakeException Error(DeepfakeErrorCode code, string message, AttemptInfo attempt, VendorExchange? exchange = null, string? providerCode = null, string? transactionId = null, Exception? inner = null) =>
            new DeepfakeException(code, message, inner)
            {
                Provider = Provider,
                InputSource = Source,
                HttpStatus = exchange?.StatusCode,
                ProviderCode = providerCode,
                TransactionId = transactionId,
                Attempts = attempt.Attempt,
                Elapsed = attempt.Elapsed,
                RawResponse = exchange?.RawBody,
            };

        /// <summary>An error outcome for an answer that says nothing more than its status.</summary>
        public AttemptOutcome StatusFailure(VendorExchange exchange, AttemptInfo attempt, string? providerCode = null, string? providerMessage = null, string? transactionId = null)
        {
            if (exchange.StatusCode >= 300 && exchange.StatusCode <= 399)
            {
                return Redirected(exchange, attempt);
            }

            var code = HttpStatusErrors.Map(exchange.StatusCode, providerCode);
            var message = HttpStatusErrors.Describe(code, exchange.StatusCode, Provider, Source, Endpoint, providerMessage);
            return AttemptOutcome.Failure(Error(code, message, attempt, exchange, providerCode, transactionId), false, exchange.RetryAfter);
        }

        /// <summary>An answer that is not the JSON the vendor documents.</summary>
        public AttemptOutcome Unreadable(VendorExchange exchange, AttemptInfo attempt, string what)
        {
            if (!exchange.IsSuccess)
            {
                return StatusFailure(exchange, attempt);
            }

            var message = $"{Provider} answered HTTP {exchange.StatusCode} for '{Source}' with {what}. Try again; if it persists, check the endpoint ({Endpoint}).";
            return AttemptOutcome.Failure(Error(DeepfakeErrorCode.ProtocolError, message, attempt, exchange), false);
        }

        /// <summary>
        /// Vendor calls follow no redirect: the key headers would go along to the new host, and both APIs document
        /// none. The error names the host the server pointed at, so a moved endpoint is easy to fix.
        /// </summary>
        private AttemptOutcome Redirected(VendorExchange exchange, AttemptInfo attempt)
        {
            var target = exchange.Location is null
                ? "no Location"
                : "to host '" + (exchange.Location.IsAbsoluteUri ? exchange.Location.Host : Endpoint.Host) + "'";
            var message = $"{Provider} answered HTTP {exchange.StatusCode} (redirect {target}) at {Endpoint}. Redirects are not followed, so that keys are never sent elsewhere; set the endpoint to the new address if it is right.";
            return AttemptOutcome.Failure(Error(DeepfakeErrorCode.ProtocolError, message, attempt, exchange), false);
        }
    }
}
