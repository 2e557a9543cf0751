namespace Deepfake.Diagnostics
{
    /// <summary>
    /// Receives the core's diagnostic messages. Called from worker threads: an adapter that must write on one
    /// thread (PowerShell) queues them. Messages never contain a credential.
    /// </summary>
    public delegate void DiagnosticHandler(DiagnosticLevel level, string message);
}
