using System.Collections.Generic;
using System.Linq;

namespace Deepfake.Local.Provenance
{
    /// <summary>
    /// Turns findings into a status and a sentence. A declaration of AI generation or compositing makes the file a
    /// deepfake by its own account; nothing in metadata makes it genuine (a declared capture is reported, the status
    /// stays Inconclusive), and the absence of declarations proves nothing either.
    /// </summary>
    internal static class ProvenanceVerdict
    {
        private const int MaxSummaries = 3;

        public static (DeepfakeStatus Status, bool? IsDeepfake, string Message) Decide(IReadOnlyList<Finding> findings, IReadOnlyList<string> skipped)
        {
            var synthetic = Summaries(findings, Declaration.Synthetic);
            string message;
            DeepfakeStatus status;
            bool? isDeepfake;
            if (synthetic.Count > 0)
            {
                status = DeepfakeStatus.Deepfake;
                isDeepfake = true;
                message = "The file " + string.Join("; ", synthetic) + ".";
            }
            else
            {
                status = DeepfakeStatus.Inconclusive;
                isDeepfake = null;
                var declared = Summaries(findings, Declaration.NonSynthetic);
                if (declared.Count > 0)
                {
                    message = "The file " + string.Join("; ", declared) + "; a declared capture is not proof that the image is genuine.";
                }
                else if (findings.Any(f => f.Evidence.Kind == "C2PA.Manifest"))
                {
                    message = "The file carries a C2PA manifest (" + C2paReader.NotVerified + ") that declares no AI generation; that is not proof that the image is genuine.";
                }
                else
                {
                    message = "The file declares no AI generation (no C2PA manifest, IPTC digital source type or generator metadata); that is not proof that the image is genuine.";
                }
            }

            if (skipped.Count > 0)
            {
                message += " Not read: " + string.Join("; ", skipped.Distinct().Take(5)) + ".";
            }

            return (status, isDeepfake, message);
        }

        private static List<string> Summaries(IReadOnlyList<Finding> findings, Declaration declaration)
        {
            var summaries = findings.Where(f => f.Declaration == declaration && f.Summary != null).Select(f => f.Summary!).Distinct().ToList();
            if (summaries.Count > MaxSummaries)
            {
                var more = summaries.Count - MaxSummaries;
                summaries = summaries.Take(MaxSummaries).ToList();
                summaries.Add("and " + more + " more");
            }

            return summaries;
        }
    }
}
