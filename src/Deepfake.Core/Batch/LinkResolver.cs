using System;
using System.IO;

namespace Deepfake.Batch
{
    /// <summary>Resolves every symbolic link in a path, like realpath(3), giving up on loops instead of hanging.</summary>
    internal static class LinkResolver
    {
        private const int MaxLinks = 40;

#if NET8_0_OR_GREATER
        public static bool CanResolve => true;

        /// <summary>The path with no link left in it, or null when links loop or exceed <see cref="MaxLinks"/>.</summary>
        public static string? RealPath(string path)
        {
            var full = Path.GetFullPath(path);
            for (var links = 0; links <= MaxLinks; links++)
            {
                var next = ResolveFirstLink(full);
                if (next is null)
                {
                    return full;
                }

                full = next;
            }

            return null;
        }

        /// <summary>
        /// True for a symbolic link that never reaches a target (to itself, or a cycle). Such a link "exists" to
        /// File.Exists but fails to open with ELOOP, which would otherwise read as a permission problem. Only links
        /// are resolved, so an ordinary file costs one lstat.
        /// </summary>
        public static bool IsLoop(string path)
        {
            try
            {
                return new FileInfo(path).LinkTarget != null && RealPath(path) is null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                return false;
            }
        }

        private static string? ResolveFirstLink(string full)
        {
            var root = Path.GetPathRoot(full) ?? string.Empty;
            var parts = full.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            for (var i = 0; i < parts.Length; i++)
            {
                current = Path.Combine(current, parts[i]);
                string? target;
                try
                {
                    target = new FileInfo(current).LinkTarget;
                }
                catch (IOException)
                {
                    return null;
                }

                if (target != null)
                {
                    // Everything before this part is link-free, so resolving ".." in the target by text is exact.
                    var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current) ?? root, target));
                    var rest = string.Join(Path.DirectorySeparatorChar.ToString(), parts, i + 1, parts.Length - i - 1);
                    return rest.Length == 0 ? resolved : Path.Combine(resolved, rest);
                }
            }

            return null;
        }
#else
        // netstandard2.0 has no API to read a link's target; the walker reports links instead of following them.
        public static bool CanResolve => false;

        public static string? RealPath(string path) => Path.GetFullPath(path);

        public static bool IsLoop(string path) => false;
#endif
    }
}
