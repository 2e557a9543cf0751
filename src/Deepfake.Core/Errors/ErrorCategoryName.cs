namespace Deepfake
{
    /// <summary>
    /// The kind of failure, named exactly as PowerShell's <c>System.Management.Automation.ErrorCategory</c> members
    /// so the cmdlets can map it by name while the core stays free of PowerShell.
    /// </summary>
    public enum ErrorCategoryName
    {
        NotSpecified,
        InvalidArgument,
        InvalidData,
        InvalidType,
        ObjectNotFound,
        PermissionDenied,
        AuthenticationError,
        QuotaExceeded,
        LimitsExceeded,
        ResourceUnavailable,
        ConnectionError,
        OperationTimeout,
        ProtocolError,
        OperationStopped,
        InvalidResult,
    }
}
