using System.Globalization;

namespace Deepfake.Http
{
    /// <summary>
    /// The shared meaning of an HTTP status when the body does not say more (neither vendor documents 403, 413, 429
    /// or most 5xx bodies, but real servers and gateways send them).
    /// </summary>
    internal static class HttpStatusErrors
    {
        public static DeepfakeErrorCode Map(int status, string? providerCode)
        {
            if (providerCode != null && providerCode.IndexOf("QUOTA", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return DeepfakeErrorCode.QuotaExceeded;
            }

            switch (status)
            {
                case 401:
                case 403:
                    return DeepfakeErrorCode.Unauthorized;
                case 408:
                    return DeepfakeErrorCode.Timeout;
                case 413:
                    return DeepfakeErrorCode.ImageTooLarge;
                case 415:
                    return DeepfakeErrorCode.UnsupportedMediaType;
                case 429:
                    return DeepfakeErrorCode.RateLimited;
                case 404:
                case 405:
                    return DeepfakeErrorCode.ProtocolError;
            }

            if (status >= 500 && status <= 599)
            {
                return DeepfakeErrorCode.ServerError;
            }

            return status >= 400 && status <= 499 ? DeepfakeErrorCode.InvalidRequest : DeepfakeErrorCode.ProtocolError;
        }

        /// <summary>What to tell a person about a status-only failure, naming the input and what to do.</summary>
        public static string Describe(DeepfakeErrorCode code, int status, string provider, string source, System.Uri endpoint, string? providerMessage)
        {
            var said = providerMessage is null ? string.Empty : ": " + providerMessage;
            var http = string.Format(CultureInfo.InvariantCulture, "HTTP {0}{1}", status, said);
            switch (code)
            {
                case DeepfakeErrorCode.Unauthorized:
                    return $"{provider} refused the credential ({http}). Check the App ID and key for {provider}.";
                case DeepfakeErrorCode.QuotaExceeded:
                    return $"{provider} quota is exhausted ({http}). Ask the vendor to raise it; the remaining items would fail the same way.";
                case DeepfakeErrorCode.RateLimited:
                    return $"{provider} kept throttling the check of '{source}' ({http}). Lower the concurrency or try again later.";
                case DeepfakeErrorCode.ServerError:
                    return $"{provider} failed while checking '{source}' ({http}). Try again later.";
                case DeepfakeErrorCode.ImageTooLarge:
                    return $"{provider} refused '{source}' as too large ({http}). Resize or recompress it.";
                case DeepfakeErrorCode.UnsupportedMediaType:
                    return $"{provider} refused the type of '{source}' ({http}). Send a JPEG or PNG.";
                case DeepfakeErrorCode.Timeout:
                    return $"{provider} timed out checking '{source}' ({http}). Try again later.";
                case DeepfakeErrorCode.InvalidRequest:
                    return $"{provider} refused the request for '{source}' ({http}).";
                default:
                    return $"{provider} answered {http} at {endpoint}, which is not its deepfake API's answer. Check the endpoint.";
            }
        }
    }
}
