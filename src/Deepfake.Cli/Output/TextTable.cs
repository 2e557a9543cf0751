using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Deepfake.Cli.Output
{
    /// <summary>Writes rows as a plain table aligned on the widest cell of each column (the last is never padded).</summary>
    internal static class TextTable
    {
        public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
        {
            var lines = new List<IReadOnlyList<string>> { header };
            lines.AddRange(rows);
            var widths = Enumerable.Range(0, header.Count).Select(c => lines.Max(l => l[c].Length)).ToArray();
            foreach (var line in lines)
            {
                var text = new StringBuilder();
                for (var c = 0; c < line.Count; c++)
                {
                    text.Append(c == line.Count - 1 ? line[c] : line[c].PadRight(widths[c] + 2));
                }

                writer.WriteLine(text.ToString().TrimEnd());
            }

            writer.Flush();
        }
    }
}
