using System.Text;

namespace Deepfake.Cli.Output
{
    /// <summary>Makes text from files and providers safe to print on a terminal.</summary>
    internal static class ConsoleText
    {
        /// <summary>
        /// Replaces control characters (line breaks, escape sequences) with spaces, so a file name or a provider's
        /// message can neither break a table row nor move the cursor or recolour the terminal.
        /// </summary>
        public static string Clean(string? text)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            var clean = new StringBuilder(text!.Length);
            foreach (var ch in text)
            {
                clean.Append(char.IsControl(ch) ? ' ' : ch);
            }

            return clean.ToString();
        }
    }
}
