using System.IO;
using System.Text.RegularExpressions;

namespace Deepfake.Tests.Support
{
    /// <summary>
    /// Reads the keys the tests need from a module manifest: single-quoted strings and @( ) arrays of them, the
    /// only forms Deepfake.psd1 uses. Comments are skipped. It is not a PowerShell parser, and says so by failing
    /// on a key written in any other form.
    /// </summary>
    internal sealed class ManifestReader
    {
        private readonly string _text;

        public ManifestReader(string path)
        {
            _text = string.Join("\n", File.ReadAllLines(path).Select(StripComment));
        }

        public string String(string key)
        {
            var match = Regex.Match(_text, @"(?m)^\s*" + Regex.Escape(key) + @"\s*=\s*'([^']*)'");
            Assert.True(match.Success, "The manifest has no single-quoted value for " + key);
            return match.Groups[1].Value;
        }

        public IReadOnlyList<string> Array(string key)
        {
            var match = Regex.Match(_text, @"(?m)^\s*" + Regex.Escape(key) + @"\s*=\s*@\(([^)]*)\)");
            Assert.True(match.Success, "The manifest has no @( ) array for " + key);
            return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
        }

        public bool Has(string key) => Regex.IsMatch(_text, @"(?m)^\s*" + Regex.Escape(key) + @"\s*=");

        private static string StripComment(string line)
        {
            var inString = false;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '\'') inString = !inString;
                if (line[i] == '#' && !inString) return line.Substring(0, i);
            }

            return line;
        }
    }
}
