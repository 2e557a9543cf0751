using System;
using System.Buffers;
using System.Buffers.Text;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Deepfake.Http
{
    /// <summary>
    /// A JSON body with one base64 string member, written as it is sent: the JSON before the string, the image
    /// encoded chunk by chunk straight from its stream, then the JSON after. The whole base64 text never exists in
    /// memory, and the exact length is known up front, so the request is not chunked.
    /// </summary>
    internal sealed class Base64JsonContent : HttpContent
    {
        /// <summary>A multiple of 3, so every chunk but the last encodes without padding.</summary>
        internal const int ChunkBytes = 3 * 16 * 1024;

        private readonly byte[] _prefix;
        private readonly Stream _image;
        private readonly long _imageLength;
        private readonly byte[] _suffix;

        /// <param name="prefix">UTF-8 JSON up to and including the string's opening quote.</param>
        /// <param name="image">The image, read from its current position; the content owns and disposes it, and is sent once.</param>
        /// <param name="imageLength">The image's length in bytes; a stream of another length fails the send.</param>
        /// <param name="suffix">UTF-8 JSON from the string's closing quote on.</param>
        public Base64JsonContent(byte[] prefix, Stream image, long imageLength, byte[] suffix)
        {
            _prefix = prefix;
            _image = image;
            _imageLength = imageLength;
            _suffix = suffix;
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        /// <summary>The base64 length of <paramref name="byteCount"/> bytes, padding included: 4 * ceil(n / 3).</summary>
        public static long EncodedLength(long byteCount) => (byteCount + 2) / 3 * 4;

        protected override bool TryComputeLength(out long length)
        {
            length = _prefix.Length + EncodedLength(_imageLength) + _suffix.Length;
            return true;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            WriteAsync(stream, CancellationToken.None);

#if NET
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            WriteAsync(stream, cancellationToken);
#endif

        private async Task WriteAsync(Stream target, CancellationToken cancellationToken)
        {
            await target.WriteAsync(_prefix, 0, _prefix.Length, cancellationToken).ConfigureAwait(false);
            var input = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            var output = ArrayPool<byte>.Shared.Rent(ChunkBytes / 3 * 4);
            try
            {
                long total = 0;
                int filled;
                do
                {
                    filled = await FillAsync(_image, input, cancellationToken).ConfigureAwait(false);
                    total += filled;
                    if (total > _imageLength)
                    {
                        throw ChangedWhileSending(total);
                    }

                    var written = Encode(input, filled, output);
                    await target.WriteAsync(output, 0, written, cancellationToken).ConfigureAwait(false);
                }
                while (filled == ChunkBytes);

                if (total != _imageLength)
                {
                    throw ChangedWhileSending(total);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(input);
                ArrayPool<byte>.Shared.Return(output);
            }

            await target.WriteAsync(_suffix, 0, _suffix.Length, cancellationToken).ConfigureAwait(false);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _image.Dispose();
            }

            base.Dispose(disposing);
        }

        private static int Encode(byte[] input, int count, byte[] output)
        {
            var status = Base64.EncodeToUtf8(input.AsSpan(0, count), output, out _, out var written, isFinalBlock: true);
            if (status != OperationStatus.Done)
            {
                throw new InvalidOperationException("Base64 encoding stopped with " + status + ".");
            }

            return written;
        }

        /// <summary>Reads until the buffer is full or the stream ends, so chunks stay multiples of 3.</summary>
        private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
        {
            var filled = 0;
            int read;
            while (filled < ChunkBytes && (read = await source.ReadAsync(buffer, filled, ChunkBytes - filled, cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            return filled;
        }

        private IOException ChangedWhileSending(long seen) =>
            new IOException($"The image changed while it was being sent: expected {_imageLength} bytes, read {seen}.");
    }
}
