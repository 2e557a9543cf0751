using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using Deepfake.Credentials;
using Deepfake.Http;
using Deepfake.Preflight;

namespace Deepfake.Verihubs
{
    /// <summary>One Verihubs check: a JSON body with the image as streamed base64 (or a URL), and the reading of its answer.</summary>
    internal sealed class VerihubsCall : VendorCall
    {
        private readonly PreparedImage _image;
        private readonly ProviderCredential _credential;
        private readonly CheckOptions _options;

        public VerihubsCall(string source, Uri endpoint, PreparedImage image, ProviderCredential credential, CheckOptions options)
            : base(VerihubsProvider.ProviderName, source, endpoint)
        {
            _image = image;
            _credential = credential;
            _options = options;
        }

        public override string Describe() => _image.Describe();

        public override HttpRequestMessage CreateRequest()
        {
            HttpContent content;
            if (_image.Url != null)
            {
                content = new ByteArrayContent(VerihubsRequestBody.ForUrl(_image.Url, _options));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
            else
            {
                var stream = ImagePreflight.OpenForSend(_image, Source, Provider);
                content = new Base64JsonContent(VerihubsRequestBody.Prefix, stream, _image.Length, VerihubsRequestBody.Suffix(_options));
            }

            return Post(content, "App-ID", "API-Key", _credential);
        }

        public override AttemptOutcome Interpret(VendorExchange exchange, AttemptInfo attempt)
        {
            using var document = JsonBody.TryParse(exchange.Body);
            if (document is null)
            {
                return Unreadable(exchange, attempt, "a body that is not JSON");
            }

            JsonElement? root = document.RootElement;
            var message = root.Member("message").AsText();
            var errorCode = root.Member("error_code").AsText();
            if (errorCode != null)
            {
                return ProviderError(exchange, attempt, root, errorCode, message);
            }

            if (!exchange.IsSuccess)
            {
                var detail = root.Member("data").Member("message").AsText();
                if (detail != null && exchange.StatusCode == 400)
                {
                    var text = $"{Provider} refused the request for '{Source}': {message ?? "Invalid Payload"} ({detail}). This is a client fault; report it as a bug.";
                    return AttemptOutcome.Failure(Error(DeepfakeErrorCode.InvalidRequest, text, attempt, exchange), false);
                }

                return StatusFailure(exchange, attempt, null, detail ?? message, root.Member("session_id").AsText());
            }

            var deepfake = root.Member("deepfake").AsBool();
            if (deepfake is null)
            {
                return Unreadable(exchange, attempt, "no 'deepfake' verdict in its answer");
            }

            return AttemptOutcome.Success(Result(exchange, attempt, root, deepfake.Value ? DeepfakeStatus.Deepfake : DeepfakeStatus.Genuine, null, null, null));
        }

        private AttemptOutcome ProviderError(VendorExchange exchange, AttemptInfo attempt, JsonElement? root, string errorCode, string? message)
        {
            var mapped = VerihubsErrorCodes.Map(errorCode);
            if (mapped is null)
            {
                if (!exchange.IsSuccess)
                {
                    return StatusFailure(exchange, attempt, errorCode, message, root.Member("session_id").AsText());
                }

                var unknown = $"{Provider} answered '{Source}' with the undocumented code {errorCode}: {message ?? "no message"}. Quote it and the session ID to Verihubs support.";
                return AttemptOutcome.Failure(Error(DeepfakeErrorCode.ProviderError, unknown, attempt, exchange, errorCode, root.Member("session_id").AsText()), false);
            }

            var code = mapped.Value;
            if (code == DeepfakeErrorCode.AttributeRejected || code == DeepfakeErrorCode.QualityRejected)
            {
                // FAIL_ON_x arrives with HTTP 200 and the face, quality and attribute details: keep them all.
                var quality = VerihubsResponseReader.ReadQuality(root.Member("image_quality"));
                var attributes = VerihubsResponseReader.ReadAttributes(root.Member("attributes"));
                var text = ValidationMessage(errorCode, message, quality, attributes);
                return AttemptOutcome.Success(Result(exchange, attempt, root, DeepfakeStatus.Rejected, text, code, errorCode));
            }

            var refused = $"{Provider} refused '{Source}': {message ?? errorCode} ({errorCode}). {VerihubsErrorCodes.Advice(code)}".TrimEnd();
            return AttemptOutcome.Failure(Error(code, refused, attempt, exchange, errorCode, root.Member("session_id").AsText()), false);
        }

        private string ValidationMessage(string errorCode, string? message, FaceQuality? quality, FaceAttributes? attributes)
        {
            var failed = new List<string>();
            var both = string.Equals(errorCode, VerihubsErrorCodes.FailOnBoth, StringComparison.OrdinalIgnoreCase);
            if (both || string.Equals(errorCode, VerihubsErrorCodes.FailOnAttribute, StringComparison.OrdinalIgnoreCase))
            {
                failed.Add("attribute validation" + Found(attributes?.ToString()));
            }

            if (both || string.Equals(errorCode, VerihubsErrorCodes.FailOnQuality, StringComparison.OrdinalIgnoreCase))
            {
                failed.Add("quality validation" + Found(quality is { IsAcceptable: false } ? string.Join(", ", quality.FailedChecks) : null));
            }

            var said = message is null ? string.Empty : " (" + message + ")";
            return $"{Provider} rejected '{Source}': it failed the {string.Join(" and the ", failed)}{said}. Use a clearer, unobstructed photo, or check without validation.";
        }

        private static string Found(string? what) => string.IsNullOrEmpty(what) || what == "none" ? string.Empty : ": " + what;

        private DeepfakeResult Result(VendorExchange exchange, AttemptInfo attempt, JsonElement? root, DeepfakeStatus status, string? message, DeepfakeErrorCode? errorCode, string? providerCode)
        {
            var deepfake = root.Member("deepfake").AsBool();
            return new DeepfakeResult
            {
                Source = Source,
                Provider = Provider,
                Status = status,
                IsDeepfake = deepfake,
                ErrorCode = errorCode,
                ProviderCode = providerCode,
                Message = message,
                TransactionId = root.Member("session_id").AsText(),
                Face = VerihubsResponseReader.ReadFace(root.Member("bounding_box"), root.Member("face_landmark")),
                FaceCount = root.Member("nface").AsInt(),
                Rotation = root.Member("rotation").AsInt(),
                Quality = VerihubsResponseReader.ReadQuality(root.Member("image_quality")),
                Attributes = VerihubsResponseReader.ReadAttributes(root.Member("attributes")),
                HttpStatus = exchange.StatusCode,
                ProviderStatus = root.Member("status_code").AsText(),
                Timestamp = VerihubsResponseReader.ReadTimestamp(root.Member("timestamp")),
                Attempts = attempt.Attempt,
                Elapsed = attempt.Elapsed,
                RawResponse = exchange.RawBody,
            };
        }
    }
}
