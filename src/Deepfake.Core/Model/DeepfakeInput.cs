using System;

namespace Deepfake
{
    /// <summary>One thing to check: a local file path or an absolute http/https URL.</summary>
    public sealed class DeepfakeInput
    {
        private DeepfakeInput(string source, InputKind kind, Uri? uri)
        {
            Source = source;
            Kind = kind;
            Uri = uri;
        }

        /// <summary>The input as the user gave it (a path or a URL); results carry it back unchanged.</summary>
        public string Source { get; }

        public InputKind Kind { get; }

        /// <summary>The URL, for <see cref="InputKind.Url"/> inputs.</summary>
        public Uri? Uri { get; }

        public static DeepfakeInput FromFile(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            return new DeepfakeInput(path, InputKind.File, null);
        }

        /// <summary>A URL input. The scheme is checked when the input is checked, so a bad one fails that item only.</summary>
        public static DeepfakeInput FromUri(Uri uri)
        {
            if (uri is null) throw new ArgumentNullException(nameof(uri));
            return new DeepfakeInput(uri.OriginalString, InputKind.Url, uri);
        }

        /// <summary>
        /// Reads a string the way both adapters do: an absolute URL with a scheme other than <c>file</c> is a URL
        /// (http and https are checkable; other schemes fail as <see cref="DeepfakeErrorCode.InvalidInput"/>),
        /// anything else is a path.
        /// </summary>
        public static DeepfakeInput Parse(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (LooksLikeUrl(text, out var uri))
            {
                return FromUri(uri!);
            }

            return FromFile(text);
        }

        private static bool LooksLikeUrl(string text, out Uri? uri)
        {
            uri = null;
            // "C:\x" parses as a URI with scheme "c"; a real scheme is longer than one letter and has "://".
            var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd < 2)
            {
                return false;
            }

            return Uri.TryCreate(text, UriKind.Absolute, out uri);
        }

        public override string ToString() => Source;
    }
}
