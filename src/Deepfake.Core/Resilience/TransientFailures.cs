namespace Deepfake.Http
{
    /// <summary>
    /// Which failures are worth another attempt. Throttling (408, 429), server trouble (500, 502, 503, 504), lost
    /// connections and timeouts are; so is an unreadable body after a 2xx or 5xx, which is what a connection cut
    /// mid-answer looks like. A refused credential, an exhausted quota, a malformed request or a rejected image are
    /// not: the same request would get the same answer (and may be billed again).
    /// </summary>
    internal static class TransientFailures
    {
        public static bool IsTransientStatus(int status) =>
            status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;

        public static bool IsTransient(DeepfakeException error)
        {
            switch (error.ErrorCode)
            {
                case DeepfakeErrorCode.QuotaExceeded:
                case DeepfakeErrorCode.Unauthorized:
                case DeepfakeErrorCode.InvalidRequest:
                    return false;
                case DeepfakeErrorCode.NetworkError:
                case DeepfakeErrorCode.Timeout:
                    return true;
                case DeepfakeErrorCode.ProtocolError:
                    return error.HttpStatus is int s && ((s >= 200 && s <= 299) || (s >= 500 && s <= 599));
                default:
                    return error.HttpStatus is int status && IsTransientStatus(status) && error.Status == DeepfakeStatus.Failed;
            }
        }
    }
}
