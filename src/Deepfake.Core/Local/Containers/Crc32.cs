namespace Deepfake.Local.Containers
{
    /// <summary>The PNG chunk CRC (ISO 3309, polynomial 0xEDB88320). netstandard2.0 has no System.IO.Hashing.</summary>
    internal static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        public static uint Compute(byte[] type, byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            crc = Update(crc, type, type.Length);
            crc = Update(crc, data, data.Length);
            return crc ^ 0xFFFFFFFFu;
        }

        private static uint Update(uint crc, byte[] bytes, int count)
        {
            for (var i = 0; i < count; i++)
            {
                crc = Table[(crc ^ bytes[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
