using System.Globalization;
using System.IO;
using Deepfake.Batch;

namespace Deepfake.Cli.Checking
{
    /// <summary>
    /// One self-overwriting progress line on stderr, used only while stderr is a terminal: a log file or a pipe
    /// never receives carriage returns.
    /// </summary>
    internal sealed class ProgressLine
    {
        private readonly TextWriter _error;
        private bool _shown;

        public ProgressLine(TextWriter error)
        {
            _error = error;
        }

        public void Update(BatchProgress progress, OutcomeTally tally)
        {
            var done = progress.Completed.ToString(CultureInfo.InvariantCulture);
            var of = progress.Total is { } total ? "/" + total.ToString(CultureInfo.InvariantCulture) : string.Empty;
            var text = "Checking: " + done + of + " done";
            if (tally.Deepfakes > 0) text += ", " + tally.Deepfakes.ToString(CultureInfo.InvariantCulture) + " deepfake";
            if (tally.NotChecked > 0) text += ", " + tally.NotChecked.ToString(CultureInfo.InvariantCulture) + " rejected or failed";
            _error.Write("\r\u001b[K" + text);
            _shown = true;
        }

        /// <summary>Removes the line so that what follows starts on a clean line.</summary>
        public void Clear()
        {
            if (_shown)
            {
                _error.Write("\r\u001b[K");
                _shown = false;
            }
        }
    }
}
