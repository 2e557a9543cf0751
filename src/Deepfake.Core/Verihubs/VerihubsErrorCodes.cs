namespace Deepfake.Verihubs
{
    /// <summary>Every <c>error_code</c> Verihubs documents, in the shared vocabulary.</summary>
    internal static class VerihubsErrorCodes
    {
        public const string FailOnAttribute = "FAIL_ON_2";
        public const string FailOnQuality = "FAIL_ON_4";
        public const string FailOnBoth = "FAIL_ON_6";

        /// <summary>The shared code, or null for a code the page does not list.</summary>
        public static DeepfakeErrorCode? Map(string errorCode)
        {
            switch (errorCode.ToUpperInvariant())
            {
                case "INVALID_PAYLOAD":
                case "MISSING_PAYLOAD_IMAGE":
                case "INVALID_PAYLOAD_QUALITY_VALIDATION_DEPENDENCY":
                case "INVALID_PAYLOAD_ATTRIBUTE_VALIDATION_DEPENDENCY":
                    return DeepfakeErrorCode.InvalidRequest;
                case "INVALID_PAYLOAD_IMAGE_MISSING":
                    // "not a standard b64/url or image empty string": the image we sent was not one Verihubs could read.
                    return DeepfakeErrorCode.InvalidImage;
                case "INVALID_PAYLOAD_IMAGE_SIZE":
                    return DeepfakeErrorCode.ImageTooLarge;
                case "INVALID_PAYLOAD_IMAGE_TIMEOUT":
                    return DeepfakeErrorCode.ImageUrlTimeout;
                case "FACE_NOT_DETECTED":
                    return DeepfakeErrorCode.NoFace;
                case FailOnAttribute:
                    return DeepfakeErrorCode.AttributeRejected;
                case FailOnQuality:
                    // FAIL_ON_6 failed both gates; one code must stand, and the message names both.
                case FailOnBoth:
                    return DeepfakeErrorCode.QualityRejected;
                case "INSUFFICIENT_QUOTA_DEEPFAKE":
                    return DeepfakeErrorCode.QuotaExceeded;
                case "INTERNAL_SERVER_ERROR":
                    return DeepfakeErrorCode.ServerError;
                default:
                    return null;
            }
        }

        /// <summary>What the person should do about it.</summary>
        public static string Advice(DeepfakeErrorCode code)
        {
            switch (code)
            {
                case DeepfakeErrorCode.InvalidRequest:
                    return "The request was malformed; check the options (validation needs the matching include option).";
                case DeepfakeErrorCode.InvalidImage:
                    return "Send a valid JPEG or PNG, or a reachable image URL.";
                case DeepfakeErrorCode.ImageTooLarge:
                    return "Resize or recompress it below 5 MB.";
                case DeepfakeErrorCode.ImageUrlTimeout:
                    return "Verihubs could not fetch the URL within 15 s; check it is public and fast, or pass the file.";
                case DeepfakeErrorCode.NoFace:
                    return "Use a photo with one clearly visible face.";
                case DeepfakeErrorCode.QuotaExceeded:
                    return "The testing quota is used up; contact Verihubs support.";
                case DeepfakeErrorCode.ServerError:
                    return "Try again later.";
                default:
                    return string.Empty;
            }
        }
    }
}
