using System;

namespace Deepfake.Diagnostics
{
    /// <summary>The core's side of a <see cref="DiagnosticHandler"/>: cheap when nobody listens.</summary>
    internal sealed class DiagnosticLog
    {
        private readonly DiagnosticHandler? _handler;

        public DiagnosticLog(DiagnosticHandler? handler)
        {
            _handler = handler;
        }

        public bool IsEnabled => _handler != null;

        public void Verbose(string message) => Write(DiagnosticLevel.Verbose, message);

        public void Debug(string message) => Write(DiagnosticLevel.Debug, message);

        private void Write(DiagnosticLevel level, string message)
        {
            if (_handler is null)
            {
                return;
            }

            try
            {
                _handler(level, message);
            }
            catch (Exception)
            {
                // A faulty log sink must not turn a finished check into a failure.
            }
        }
    }
}
