using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using Deepfake.Credentials;
using Deepfake.Http;
using Deepfake.Preflight;

namespace Deepfake.Ooto
{
    /// <summary>One OOTO check: a multipart upload of the <c>photo</c> field, and the reading of its answer.</summary>
    internal sealed class OotoCall : VendorCall
    {
        private readonly PreparedImage _image;
        private readonly ProviderCredential _credential;
        private readonly double? _threshold;

        public OotoCall(string source, Uri endpoint, PreparedImage image, ProviderCredential credential, double? threshold)
            : base(OotoProvider.ProviderName, source, endpoint)
        {
            _image = image;
            _credential = credential;
            _threshold = threshold;
        }

        public override string Describe() => _image.Describe();

        public override HttpRequestMessage CreateRequest()
        {
            var photo = new StreamContent(ImagePreflight.OpenForSend(_image, Source, Provider));
            photo.Headers.ContentType = new MediaTypeHeaderValue(_image.ContentType);
            // Set by hand: HttpClient would add a filename* parameter, which some multipart parsers reject.
            photo.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"photo\"; filename=\"" + SafeFileName() + "\"");
            var form = new MultipartFormDataContent { photo };
            return Post(form, "APP-ID", "APP-KEY", _credential);
        }

        public override AttemptOutcome Interpret(VendorExchange exchange, AttemptInfo attempt)
        {
            using var document = JsonBody.TryParse(exchange.Body);
            if (document is null)
            {
                return Unreadable(exchange, attempt, "a body that is not JSON");
            }

            JsonElement? root = document.RootElement;
            var transactionId = root.Member("transactionId").AsText();
            var result = root.Member("result");
            var engineCode = result.Member("code");
            var isEngineError = string.Equals(result.Member("status").AsText(), "error", StringComparison.OrdinalIgnoreCase) ||
                                (engineCode != null && result.Member("deepfake") is null);
            var statusDecides = exchange.StatusCode == 401 || exchange.StatusCode == 403 || exchange.StatusCode == 413 ||
                                exchange.StatusCode == 429 || exchange.StatusCode >= 500 || (exchange.StatusCode >= 300 && exchange.StatusCode <= 399);
            if (isEngineError && !statusDecides)
            {
                return EngineError(exchange, attempt, engineCode.AsText(), result.Member("info").AsText(), transactionId);
            }

            if (!exchange.IsSuccess)
            {
                var said = result.Member("info").AsText() ?? root.Member("message").AsText() ?? root.Member("error").AsText();
                // OOTO documents no body for these; keep whatever code a gateway or a newer server put in it.
                var code = engineCode.AsText() ?? root.Member("error_code").AsText() ?? root.Member("code").AsText();
                return StatusFailure(exchange, attempt, code, said, transactionId);
            }

            var deepfake = result.Member("deepfake");
            var score = deepfake.Member("score").AsDouble();
            var fine = deepfake.Member("fine").AsBool();
            bool genuine;
            if (_threshold is double threshold && score is double s)
            {
                genuine = s >= threshold;
            }
            else if (fine is bool f)
            {
                genuine = f;
            }
            else
            {
                return Unreadable(exchange, attempt, "no result.deepfake.fine or score in its answer");
            }

            return AttemptOutcome.Success(new DeepfakeResult
            {
                Source = Source,
                Provider = Provider,
                Status = genuine ? DeepfakeStatus.Genuine : DeepfakeStatus.Deepfake,
                IsDeepfake = !genuine,
                Score = score,
                Threshold = _threshold.HasValue && score.HasValue ? _threshold : null,
                TransactionId = transactionId,
                Face = Face(result),
                FaceCount = 1,
                Quality = OotoResponseReader.ReadQuality(result.Member("quality")),
                Demography = OotoResponseReader.ReadDemography(result.Member("demography")),
                HttpStatus = exchange.StatusCode,
                Timestamp = exchange.Date,
                Attempts = attempt.Attempt,
                Elapsed = attempt.Elapsed,
                RawResponse = exchange.RawBody,
            });
        }

        private static FaceRegion? Face(JsonElement? result)
        {
            var box = OotoResponseReader.ReadBox(result.Member("box"));
            var landmarks = OotoResponseReader.ReadLandmarks(result.Member("landmarks"));
            return box is null && landmarks.Count == 0 ? null : new FaceRegion(box, landmarks);
        }

        private AttemptOutcome EngineError(VendorExchange exchange, AttemptInfo attempt, string? code, string? info, string? transactionId)
        {
            var number = int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
            var mapped = OotoEngineErrors.Map(number);
            var message = $"{Provider} refused '{Source}': {info ?? "no details"} (engine code {code ?? "none"}). {Advice(mapped)}".TrimEnd();
            return AttemptOutcome.Failure(Error(mapped, message, attempt, exchange, code, transactionId), false);
        }

        private static string Advice(DeepfakeErrorCode code)
        {
            switch (code)
            {
                case DeepfakeErrorCode.UnsupportedMediaType:
                case DeepfakeErrorCode.InvalidImage:
                    return "Send a valid JPEG or PNG file.";
                case DeepfakeErrorCode.EmptyImage:
                    return "The image has no bytes.";
                case DeepfakeErrorCode.NoFace:
                    return "Use a photo with one clearly visible, frontal face.";
                case DeepfakeErrorCode.MultipleFaces:
                    return "Crop the photo to one face.";
                case DeepfakeErrorCode.FaceTooSmall:
                    return "Use a larger or closer photo of the face.";
                case DeepfakeErrorCode.InvalidRequest:
                    return "The upload reached OOTO without its photo; report this as a bug.";
                default:
                    return "This engine code is not documented; quote it and the transaction ID to OOTO support.";
            }
        }

        /// <summary>The file's name when it is plain ASCII; otherwise a neutral name with the right extension.</summary>
        private string SafeFileName()
        {
            foreach (var c in _image.FileName)
            {
                if (c < 0x20 || c > 0x7E || c == '"' || c == '\\')
                {
                    return _image.Format == ImageFormat.Png ? "photo.png" : "photo.jpg";
                }
            }

            return _image.FileName.Length == 0 ? "photo.jpg" : _image.FileName;
        }
    }
}
