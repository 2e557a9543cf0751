using System;
using System.Globalization;
using System.IO;

namespace Deepfake.Preflight
{
    /// <summary>
    /// Checks an input before any request is made, so that a missing file, a directory, an empty or oversized file,
    /// a file that is not a JPEG or PNG, or a URL with the wrong scheme never costs a request.
    /// </summary>
    internal static class ImagePreflight
    {
        public static PreparedImage CheckFile(string path, string provider, long maxBytes)
        {
            if (Directory.Exists(path))
            {
                throw Error(DeepfakeErrorCode.InvalidInput, provider, path, $"'{path}' is a directory, not an image file. Pass the files in it instead (for example with Get-ChildItem or a shell glob).");
            }

            if (!File.Exists(path))
            {
                throw Error(DeepfakeErrorCode.FileNotFound, provider, path, $"The file '{path}' does not exist. Check the path.");
            }

            var header = new byte[ImageSniffer.HeaderLength];
            long length;
            int read;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
                length = stream.Length;
                read = ReadUpTo(stream, header);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is IOException || ex is System.Security.SecurityException)
            {
                throw Error(DeepfakeErrorCode.AccessDenied, provider, path, $"The file '{path}' cannot be read: {ex.Message} Check its permissions and that no other program locks it.", ex);
            }

            if (length == 0)
            {
                throw Error(DeepfakeErrorCode.EmptyImage, provider, path, $"The file '{path}' is empty (0 bytes).");
            }

            if (length > maxBytes)
            {
                throw Error(DeepfakeErrorCode.ImageTooLarge, provider, path, TooLarge(path, length, maxBytes, provider));
            }

            var format = ImageSniffer.Sniff(header, read);
            if (format == ImageFormat.Unknown)
            {
                throw Error(DeepfakeErrorCode.UnsupportedMediaType, provider, path, $"'{path}' is not a JPEG or PNG image (judged by its content, not its name). Convert it to JPEG or PNG.");
            }

            return PreparedImage.FromFile(path, length, format);
        }

        /// <summary>Only http and https URLs can be fetched; anything else fails this input alone.</summary>
        public static void CheckUrl(Uri url, string source, string provider)
        {
            if (!IsHttp(url))
            {
                throw Error(DeepfakeErrorCode.InvalidInput, provider, source, $"'{source}' uses the '{url.Scheme}' scheme; only http and https image URLs can be checked.");
            }
        }

        /// <summary>
        /// Opens a checked image for one attempt. A file deleted or locked since pre-flight fails as what it now is,
        /// not as a network error.
        /// </summary>
        public static Stream OpenForSend(PreparedImage image, string source, string provider)
        {
            try
            {
                return image.OpenRead();
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw Error(DeepfakeErrorCode.FileNotFound, provider, source, $"The file '{source}' disappeared before it could be sent. Check the path.", ex);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is IOException)
            {
                throw Error(DeepfakeErrorCode.AccessDenied, provider, source, $"The file '{source}' cannot be read: {ex.Message} Check its permissions and that no other program locks it.", ex);
            }
        }

        public static bool IsHttp(Uri url) =>
            url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

        public static string TooLarge(string source, long length, long maxBytes, string provider) =>
            string.Format(CultureInfo.InvariantCulture, "'{0}' is {1:N0} bytes; {2} accepts at most {3:N0}. Resize or recompress it.", source, length, provider, maxBytes);

        private static int ReadUpTo(Stream stream, byte[] buffer)
        {
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            return total;
        }

        private static DeepfakeException Error(DeepfakeErrorCode code, string provider, string source, string message, Exception? inner = null) =>
            new DeepfakeException(code, message, inner) { Provider = provider, InputSource = source };
    }
}
