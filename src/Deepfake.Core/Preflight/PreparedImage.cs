using System.IO;

namespace Deepfake.Preflight
{
    /// <summary>
    /// An image that passed pre-flight: a file (read again, streamed, for every attempt), bytes downloaded from a URL,
    /// or a URL the provider fetches itself.
    /// </summary>
    internal sealed class PreparedImage
    {
        private const int FileBufferSize = 81920;

        private readonly string? _path;
        private readonly byte[]? _bytes;

        private PreparedImage(string? path, byte[]? bytes, System.Uri? url, long length, ImageFormat format, string fileName, int attempts = 0)
        {
            Attempts = attempts;
            _path = path;
            _bytes = bytes;
            Url = url;
            Length = length;
            Format = format;
            FileName = fileName;
        }

        /// <summary>Set when the provider is to fetch the image itself (Verihubs); then there are no bytes.</summary>
        public System.Uri? Url { get; }

        public long Length { get; }

        public ImageFormat Format { get; }

        public string FileName { get; }

        public string ContentType => ImageSniffer.ContentType(Format);

        /// <summary>The HTTP attempts it took to download the bytes (0 for a file or a URL the provider fetches).</summary>
        public int Attempts { get; }

        public static PreparedImage FromFile(string path, long length, ImageFormat format) =>
            new PreparedImage(path, null, null, length, format, Path.GetFileName(path));

        public static PreparedImage FromBytes(byte[] bytes, ImageFormat format, string fileName, int attempts = 0) =>
            new PreparedImage(null, bytes, null, bytes.Length, format, fileName, attempts);

        public static PreparedImage FromUrl(System.Uri url) =>
            new PreparedImage(null, null, url, 0, ImageFormat.Unknown, url.Segments.Length == 0 ? url.Host : url.Segments[url.Segments.Length - 1]);

        /// <summary>A fresh stream over the image; every attempt sends from its own.</summary>
        public Stream OpenRead()
        {
            if (_bytes != null)
            {
                return new MemoryStream(_bytes, writable: false);
            }

            return new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }

        /// <summary>For diagnostics: <c>photo.jpg, 66489 bytes</c>, or the URL with its query values hidden.</summary>
        public string Describe() => Url != null ? "URL " + Diagnostics.UrlRedaction.Redact(Url) : FileName + ", " + Length + " bytes";
    }
}
