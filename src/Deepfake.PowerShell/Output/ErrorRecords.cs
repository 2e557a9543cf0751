using System;
using System.Management.Automation;

namespace Deepfake.Commands.Output
{
    /// <summary>
    /// Turns the core's one exception into PowerShell's ErrorRecord: errorId <c>Deepfake.&lt;Code&gt;</c> (PowerShell
    /// appends the command type to make the FullyQualifiedErrorId), the category the core names, the input as target.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(DeepfakeException error, object? target)
        {
            var record = new ErrorRecord(error, "Deepfake." + error.ErrorCode, Category(error.ErrorCode.ToCategory()), target);
            record.ErrorDetails = new ErrorDetails(error.Message);
            return record;
        }

        /// <summary>For an argument the core refused (an out-of-range option, an empty App ID).</summary>
        public static ErrorRecord InvalidArgument(Exception error, string parameter, object? target) =>
            new ErrorRecord(error, "Deepfake.InvalidArgument." + parameter, ErrorCategory.InvalidArgument, target);

        // The core names its categories exactly as ErrorCategory's members (a test checks every name exists).
        private static ErrorCategory Category(ErrorCategoryName name) =>
            (ErrorCategory)Enum.Parse(typeof(ErrorCategory), name.ToString());
    }
}
