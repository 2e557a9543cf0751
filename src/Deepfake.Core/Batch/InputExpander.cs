using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Deepfake.Batch
{
    /// <summary>
    /// Turns what a user typed (paths, URLs, directories, <c>*</c>/<c>?</c> patterns in the last part of a path)
    /// into inputs, lazily, so a huge tree streams into a batch. Every string yields at least one item: what cannot
    /// be checked (a missing path, a directory without recurse, a symbolic-link loop) yields a failed
    /// <see cref="ExpandedInput"/> that names the path and what to do, never nothing.
    /// </summary>
    public static class InputExpander
    {
        private static readonly StringComparer PathComparer =
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        public static IEnumerable<ExpandedInput> Expand(IEnumerable<string> items, InputExpanderOptions? options = null)
        {
            if (items is null) throw new ArgumentNullException(nameof(items));
            return items.SelectMany(item => Expand(item, options));
        }

        public static IEnumerable<ExpandedInput> Expand(string item, InputExpanderOptions? options = null)
        {
            if (item is null) throw new ArgumentNullException(nameof(item));
            return ExpandOne(item, options ?? new InputExpanderOptions());
        }

        private static IEnumerable<ExpandedInput> ExpandOne(string item, InputExpanderOptions options)
        {
            if (string.IsNullOrWhiteSpace(item))
            {
                yield return Fail(item, DeepfakeErrorCode.InvalidInput, "An empty path was given; name a file, a directory or a URL.");
                yield break;
            }

            var input = DeepfakeInput.Parse(item);
            if (input.Kind == InputKind.File && LinkResolver.IsLoop(item))
            {
                yield return Fail(item, DeepfakeErrorCode.InvalidInput,
                    "'" + item + "' is a symbolic link that cannot be resolved (it points back to itself, or too many links in a row); name the file it should point to.");
                yield break;
            }

            if (input.Kind == InputKind.Url || File.Exists(item))
            {
                yield return ExpandedInput.Ready(input);
                yield break;
            }

            if (Directory.Exists(item))
            {
                if (!options.Recurse)
                {
                    yield return Fail(item, DeepfakeErrorCode.InvalidInput,
                        "'" + item + "' is a directory. Use " + options.RecurseHint + " to check the images in it and its subdirectories, or name the files (for example '"
                        + Path.Combine(item, "*.jpg") + "').");
                    yield break;
                }

                foreach (var found in Walk(item, options))
                {
                    yield return found;
                }

                yield break;
            }

            if (!TrySplit(item, out var directory, out var name))
            {
                yield return Fail(item, DeepfakeErrorCode.InvalidInput, "'" + item + "' is not a valid path.");
            }
            else if (WildcardPattern.HasWildcards(directory))
            {
                yield return Fail(item, DeepfakeErrorCode.InvalidInput,
                    "'" + item + "' has wildcards before its last part; only the file name may contain * or ?.");
            }
            else if (WildcardPattern.HasWildcards(name))
            {
                foreach (var found in ExpandPattern(item, directory, name, options))
                {
                    yield return found;
                }
            }
            else
            {
                yield return Fail(item, DeepfakeErrorCode.FileNotFound,
                    "'" + item + "' does not exist. Check the path (a relative path is read from '" + Directory.GetCurrentDirectory() + "').");
            }
        }

        private static IEnumerable<ExpandedInput> ExpandPattern(string item, string directory, string pattern, InputExpanderOptions options)
        {
            var searched = directory.Length == 0 ? "." : directory;
            var listing = List(searched);
            if (listing.Error != null)
            {
                yield return Fail(item, listing.Error.Value, "'" + item + "' cannot be expanded: " + listing.Message);
                yield break;
            }

            var matched = false;
            foreach (var entry in listing.Entries.Where(e => WildcardPattern.Matches(pattern, e.Name)))
            {
                var path = Path.Combine(directory, entry.Name);
                if (!entry.IsDirectory)
                {
                    matched = true;
                    yield return ExpandedInput.Ready(DeepfakeInput.FromFile(path));
                }
                else if (options.Recurse)
                {
                    matched = true;
                    foreach (var found in Walk(path, options))
                    {
                        yield return found;
                    }
                }
            }

            if (!matched)
            {
                yield return Fail(item, DeepfakeErrorCode.FileNotFound,
                    "No file matches '" + item + "'" + (options.Recurse ? "." : " (directories are only searched with " + options.RecurseHint + ")."));
            }
        }

        /// <summary>
        /// Depth first, files of a directory (sorted by name) before its subdirectories (sorted by name). Links to
        /// directories are followed; one that leads back to a directory being walked is reported, not followed.
        /// </summary>
        private static IEnumerable<ExpandedInput> Walk(string root, InputExpanderOptions options)
        {
            var extensions = new HashSet<string>(options.Extensions, StringComparer.OrdinalIgnoreCase);
            var rootIdentity = LinkResolver.RealPath(root) ?? Path.GetFullPath(root);
            var ancestors = new HashSet<string>(PathComparer) { rootIdentity };
            var stack = new Stack<Frame>();
            stack.Push(new Frame(root, rootIdentity, List(root)));

            while (stack.Count > 0)
            {
                var frame = stack.Peek();
                if (frame.Listing.Error != null)
                {
                    stack.Pop();
                    ancestors.Remove(frame.Identity);
                    yield return Fail(frame.Path, frame.Listing.Error.Value, "The directory '" + frame.Path + "' cannot be read: " + frame.Listing.Message);
                    continue;
                }

                if (frame.Next >= frame.Listing.Entries.Count)
                {
                    stack.Pop();
                    ancestors.Remove(frame.Identity);
                    continue;
                }

                var entry = frame.Listing.Entries[frame.Next++];
                var path = Path.Combine(frame.Path, entry.Name);
                if (!entry.IsDirectory)
                {
                    if (extensions.Contains(Path.GetExtension(entry.Name)))
                    {
                        yield return ExpandedInput.Ready(DeepfakeInput.FromFile(path));
                    }

                    continue;
                }

                string? identity;
                if (!entry.IsLink)
                {
                    identity = Path.Combine(frame.Identity, entry.Name);
                }
                else if (!LinkResolver.CanResolve)
                {
                    yield return Fail(path, DeepfakeErrorCode.InvalidInput,
                        "'" + path + "' is a link to a directory, which this build (Windows PowerShell) does not follow; name its target to check the images in it.");
                    continue;
                }
                else if ((identity = LinkResolver.RealPath(path)) is null)
                {
                    yield return Fail(path, DeepfakeErrorCode.InvalidInput,
                        "'" + path + "' is a symbolic link that cannot be resolved (too many links in a row: a loop?); it was skipped.");
                    continue;
                }

                if (!ancestors.Add(identity))
                {
                    yield return Fail(path, DeepfakeErrorCode.InvalidInput,
                        "'" + path + "' is a symbolic link back to '" + identity + "', which contains it: a loop. It was not followed; the rest of the tree was checked.");
                    continue;
                }

                stack.Push(new Frame(path, identity, List(path)));
            }
        }

        private static Listing List(string directory)
        {
            try
            {
                var entries = new DirectoryInfo(directory).EnumerateFileSystemInfos()
                    .Select(info => new Entry(info.Name, info is DirectoryInfo, (info.Attributes & FileAttributes.ReparsePoint) != 0))
                    .OrderBy(e => e.IsDirectory)
                    .ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(e => e.Name, StringComparer.Ordinal)
                    .ToList();
                return new Listing(entries, null, null);
            }
            catch (UnauthorizedAccessException ex)
            {
                return new Listing(new List<Entry>(), DeepfakeErrorCode.AccessDenied, ex.Message);
            }
            catch (DirectoryNotFoundException ex)
            {
                return new Listing(new List<Entry>(), DeepfakeErrorCode.FileNotFound, ex.Message);
            }
            catch (IOException ex)
            {
                return new Listing(new List<Entry>(), DeepfakeErrorCode.InvalidInput, ex.Message);
            }
        }

        private static bool TrySplit(string item, out string directory, out string name)
        {
            try
            {
                directory = Path.GetDirectoryName(item) ?? string.Empty;
                name = Path.GetFileName(item);
                return name.Length > 0;
            }
            catch (ArgumentException)
            {
                // .NET Framework refuses some characters in paths.
                directory = name = string.Empty;
                return false;
            }
        }

        private static ExpandedInput Fail(string path, DeepfakeErrorCode code, string message) =>
            ExpandedInput.Failed(DeepfakeInput.FromFile(path), new DeepfakeException(code, message) { InputSource = path });

        private sealed class Frame
        {
            public Frame(string path, string identity, Listing listing)
            {
                Path = path;
                Identity = identity;
                Listing = listing;
            }

            public string Path { get; }

            /// <summary>The directory's path with every link resolved, to recognise it when a link leads back.</summary>
            public string Identity { get; }

            public Listing Listing { get; }

            public int Next { get; set; }
        }

        private sealed class Listing
        {
            public Listing(List<Entry> entries, DeepfakeErrorCode? error, string? message)
            {
                Entries = entries;
                Error = error;
                Message = message;
            }

            public List<Entry> Entries { get; }

            public DeepfakeErrorCode? Error { get; }

            public string? Message { get; }
        }

        private readonly struct Entry
        {
            public Entry(string name, bool isDirectory, bool isLink)
            {
                Name = name;
                IsDirectory = isDirectory;
                IsLink = isLink;
            }

            public string Name { get; }

            public bool IsDirectory { get; }

            public bool IsLink { get; }
        }
    }
}
