using System.IO;

namespace Deepfake.Local.Containers
{
    /// <summary>Exact reads and big-endian/little-endian integers over a seekable stream.</summary>
    internal static class StreamReading
    {
        /// <summary>Fills <paramref name="buffer"/> from the stream; false when the stream ends first.</summary>
        public static bool TryReadExactly(this Stream stream, byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                var read = stream.Read(buffer, offset, count);
                if (read <= 0)
                {
                    return false;
                }

                offset += read;
                count -= read;
            }

            return true;
        }

        public static uint ReadUInt32BigEndian(byte[] b, int i) =>
            (uint)(b[i] << 24 | b[i + 1] << 16 | b[i + 2] << 8 | b[i + 3]);

        public static ushort ReadUInt16BigEndian(byte[] b, int i) => (ushort)(b[i] << 8 | b[i + 1]);

        public static uint ReadUInt32LittleEndian(byte[] b, int i) =>
            (uint)(b[i] | b[i + 1] << 8 | b[i + 2] << 16 | b[i + 3] << 24);

        public static bool StartsWith(byte[] bytes, int offset, byte[] prefix)
        {
            if (bytes.Length - offset < prefix.Length)
            {
                return false;
            }

            for (var i = 0; i < prefix.Length; i++)
            {
                if (bytes[offset + i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
