namespace Deepfake
{
    /// <summary>What each error code means for an item, a batch and a PowerShell error record.</summary>
    public static class DeepfakeErrorCodeExtensions
    {
        /// <summary>
        /// <see cref="DeepfakeStatus.Rejected"/> when the code is about the image (the check ran and refused it),
        /// <see cref="DeepfakeStatus.Failed"/> when the input could not be checked at all.
        /// </summary>
        public static DeepfakeStatus ToStatus(this DeepfakeErrorCode code)
        {
            switch (code)
            {
                case DeepfakeErrorCode.EmptyImage:
                case DeepfakeErrorCode.UnsupportedMediaType:
                case DeepfakeErrorCode.InvalidImage:
                case DeepfakeErrorCode.ImageTooLarge:
                case DeepfakeErrorCode.NoFace:
                case DeepfakeErrorCode.MultipleFaces:
                case DeepfakeErrorCode.FaceTooSmall:
                case DeepfakeErrorCode.QualityRejected:
                case DeepfakeErrorCode.AttributeRejected:
                    return DeepfakeStatus.Rejected;
                default:
                    return DeepfakeStatus.Failed;
            }
        }

        /// <summary>
        /// True when every later item in a batch would fail the same way (a refused credential, an exhausted quota),
        /// so an adapter should stop instead of spending the rest of the batch on it.
        /// </summary>
        public static bool StopsBatch(this DeepfakeErrorCode code) =>
            code == DeepfakeErrorCode.Unauthorized || code == DeepfakeErrorCode.QuotaExceeded;

        public static ErrorCategoryName ToCategory(this DeepfakeErrorCode code)
        {
            switch (code)
            {
                case DeepfakeErrorCode.FileNotFound:
                    return ErrorCategoryName.ObjectNotFound;
                case DeepfakeErrorCode.AccessDenied:
                    return ErrorCategoryName.PermissionDenied;
                case DeepfakeErrorCode.EmptyImage:
                case DeepfakeErrorCode.InvalidImage:
                case DeepfakeErrorCode.NoFace:
                case DeepfakeErrorCode.MultipleFaces:
                case DeepfakeErrorCode.FaceTooSmall:
                case DeepfakeErrorCode.QualityRejected:
                case DeepfakeErrorCode.AttributeRejected:
                    return ErrorCategoryName.InvalidData;
                case DeepfakeErrorCode.UnsupportedMediaType:
                    return ErrorCategoryName.InvalidType;
                case DeepfakeErrorCode.ImageTooLarge:
                    return ErrorCategoryName.LimitsExceeded;
                case DeepfakeErrorCode.InvalidRequest:
                case DeepfakeErrorCode.InvalidInput:
                    return ErrorCategoryName.InvalidArgument;
                case DeepfakeErrorCode.Unauthorized:
                    return ErrorCategoryName.AuthenticationError;
                case DeepfakeErrorCode.QuotaExceeded:
                    return ErrorCategoryName.QuotaExceeded;
                case DeepfakeErrorCode.RateLimited:
                case DeepfakeErrorCode.ServerError:
                    return ErrorCategoryName.ResourceUnavailable;
                case DeepfakeErrorCode.Timeout:
                case DeepfakeErrorCode.ImageUrlTimeout:
                    return ErrorCategoryName.OperationTimeout;
                case DeepfakeErrorCode.NetworkError:
                    return ErrorCategoryName.ConnectionError;
                case DeepfakeErrorCode.ProtocolError:
                    return ErrorCategoryName.ProtocolError;
                case DeepfakeErrorCode.Cancelled:
                    return ErrorCategoryName.OperationStopped;
                default:
                    return ErrorCategoryName.NotSpecified;
            }
        }
    }
}
