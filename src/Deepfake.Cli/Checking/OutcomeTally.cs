using Deepfake.Cli.Output;

namespace Deepfake.Cli.Checking
{
    /// <summary>Counts what a run found and turns it into the exit code. Called on one thread only.</summary>
    internal sealed class OutcomeTally
    {
        private readonly CheckKind _kind;

        public OutcomeTally(CheckKind kind)
        {
            _kind = kind;
        }

        public int Total { get; private set; }

        public int Deepfakes { get; private set; }

        public int PoorQuality { get; private set; }

        /// <summary>Rejected by the provider or not checked at all (including items cancelled by Ctrl+C).</summary>
        public int NotChecked { get; private set; }

        public void Add(DeepfakeResult result)
        {
            Total++;
            switch (result.Status)
            {
                case DeepfakeStatus.Deepfake:
                    Deepfakes++;
                    break;
                case DeepfakeStatus.Rejected:
                case DeepfakeStatus.Failed:
                    NotChecked++;
                    break;
            }

            if (result.Quality is { IsAcceptable: false })
            {
                PoorQuality++;
            }
        }

        /// <summary>
        /// 2 when anything was not checked (a report with holes must not read as a pass), else 1 when something
        /// was found, else 0. Inconclusive counts as nothing found: it is not evidence of a deepfake.
        /// </summary>
        public int ExitCode()
        {
            if (NotChecked > 0) return ExitCodes.NotChecked;
            var found = _kind == CheckKind.Verdict ? Deepfakes : PoorQuality;
            return found > 0 ? ExitCodes.Found : ExitCodes.Success;
        }
    }
}
