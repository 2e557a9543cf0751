using System.Buffers.Binary;

namespace Deepfake.Sandbox.Vendors;

/// <summary>
/// SplitMix64 seeded from an image's SHA-256, so every derived number depends only on the bytes
/// (System.Random's seeded sequence is not promised to stay the same across .NET versions).
/// </summary>
internal sealed class HashRandom
{
    private ulong _state;

    public HashRandom(ReadOnlySpan<byte> sha256) =>
        _state = BinaryPrimitives.ReadUInt64LittleEndian(sha256) ^ BinaryPrimitives.ReadUInt64LittleEndian(sha256[8..])
            ^ BinaryPrimitives.ReadUInt64LittleEndian(sha256[16..]) ^ BinaryPrimitives.ReadUInt64LittleEndian(sha256[24..]);

    /// <summary>Uniform in [0, 1).</summary>
    public double Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Uniform in [min, max).</summary>
    public double Between(double min, double max) => min + (Next() * (max - min));

    public int Below(int max) => (int)(Next() * max);
}
