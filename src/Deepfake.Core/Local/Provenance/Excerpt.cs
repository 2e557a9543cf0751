namespace Deepfake.Local.Provenance
{
    /// <summary>Short, single-line excerpts of long metadata text (prompts run to kilobytes).</summary>
    internal static class Excerpt
    {
        public const int DefaultLength = 80;

        public static string Of(string text, int length = DefaultLength)
        {
            var head = text.Length > length * 4 ? text.Substring(0, length * 4) : text;
            var single = head.Replace("\r", " ").Replace("\n", " ").Trim();
            while (single.Contains("  "))
            {
                single = single.Replace("  ", " ");
            }

            return single.Length <= length ? single : single.Substring(0, length).TrimEnd() + "…";
        }
    }
}
