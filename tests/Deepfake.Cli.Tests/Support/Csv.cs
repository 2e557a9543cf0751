using System.Text;

namespace Deepfake.Tests.Support
{
    /// <summary>A strict RFC 4180 reader for asserting what the CLI wrote (quoted fields, doubled quotes, CRLF).</summary>
    public static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else field.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row.ToArray());
                    row.Clear();
                    i++;
                }
                else field.Append(c);
            }

            Assert.False(quoted, "unterminated quoted field");
            Assert.True(field.Length == 0 && row.Count == 0, "last row not terminated by CRLF");
            return rows;
        }

        /// <summary>Rows as dictionaries keyed by the header.</summary>
        public static List<Dictionary<string, string>> ParseRecords(string text)
        {
            var rows = Parse(text);
            var header = rows[0];
            foreach (var row in rows.Skip(1)) Assert.Equal(header.Length, row.Length);
            return rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        }
    }
}
