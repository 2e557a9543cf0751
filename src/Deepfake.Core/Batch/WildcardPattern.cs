using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Deepfake.Batch
{
    /// <summary>
    /// <c>*</c> and <c>?</c> in a file name, matched the way shells do: no 8.3 short names, no special meaning for
    /// brackets (names like <c>a [1].jpg</c> are common), case-insensitive on Windows only.
    /// </summary>
    internal static class WildcardPattern
    {
        private static readonly bool IgnoreCase = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public static bool HasWildcards(string name) => name.IndexOf('*') >= 0 || name.IndexOf('?') >= 0;

        public static bool Matches(string pattern, string name)
        {
            // Iterative match with backtracking to the last '*': linear in practice, no recursion.
            int p = 0, n = 0, star = -1, mark = 0;
            while (n < name.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], name[n])))
                {
                    p++;
                    n++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = n;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    n = ++mark;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }

        private static bool Same(char a, char b) =>
            a == b || (IgnoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
    }
}
