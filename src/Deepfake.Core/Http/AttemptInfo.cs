using System;

namespace Deepfake.Http
{
    /// <summary>Which attempt an answer belongs to and how long the check had taken when it arrived.</summary>
    internal readonly struct AttemptInfo
    {
        public AttemptInfo(int attempt, TimeSpan elapsed)
        {
            Attempt = attempt;
            Elapsed = elapsed;
        }

        public int Attempt { get; }

        public TimeSpan Elapsed { get; }
    }
}
