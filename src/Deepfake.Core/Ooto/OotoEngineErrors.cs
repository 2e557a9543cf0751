namespace Deepfake.Ooto
{
    /// <summary>OOTO's documented engine codes (HTTP 400, <c>result.code</c>) in the shared vocabulary.</summary>
    internal static class OotoEngineErrors
    {
        public static DeepfakeErrorCode Map(int code)
        {
            switch (code)
            {
                case 1:
                    // "photo should not be empty": the form had no photo field, which is this client's fault.
                    return DeepfakeErrorCode.InvalidRequest;
                case 2:
                    return DeepfakeErrorCode.UnsupportedMediaType;
                case 3:
                    return DeepfakeErrorCode.EmptyImage;
                case 4:
                    return DeepfakeErrorCode.InvalidImage;
                case 5:
                    return DeepfakeErrorCode.NoFace;
                case 6:
                    return DeepfakeErrorCode.MultipleFaces;
                case 9:
                    return DeepfakeErrorCode.FaceTooSmall;
                default:
                    return DeepfakeErrorCode.ProviderError;
            }
        }
    }
}
