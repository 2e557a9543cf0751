namespace Deepfake.Tests.Contract
{
    /// <summary>PowerShell 7.4's Get-Verb list, hard-coded because no PowerShell runs here.</summary>
    internal static class ApprovedVerbs
    {
        public static readonly IReadOnlyCollection<string> All = new HashSet<string>(StringComparer.Ordinal)
        {
            // Common
            "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move",
            "New", "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select",
            "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
            // Communications
            "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
            // Data
            "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit",
            "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore",
            "Save", "Sync", "Unpublish", "Update",
            // Diagnostic
            "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
            // Lifecycle
            "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install",
            "Invoke", "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall",
            "Unregister", "Wait",
            // Other
            "Use",
            // Security
            "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
        };
    }
}
