using System.IO;
using System.Text;

namespace Deepfake.Tests.Local;

/// <summary>A minimal CBOR encoder for test fixtures: text, integers, byte strings, arrays and maps (insertion order).</summary>
internal static class CborWriter
{
    public static byte[] Encode(object? value)
    {
        var output = new MemoryStream();
        Write(output, value);
        return output.ToArray();
    }

    /// <summary>A map with keys in the given order.</summary>
    public static (string Key, object? Value)[] Map(params (string Key, object? Value)[] pairs) => pairs;

    public static object?[] Array(params object?[] items) => items;

    public static void Head(Stream output, int major, ulong argument)
    {
        var type = (byte)(major << 5);
        if (argument < 24) output.WriteByte((byte)(type | (byte)argument));
        else if (argument <= byte.MaxValue) { output.WriteByte((byte)(type | 24)); output.WriteByte((byte)argument); }
        else if (argument <= ushort.MaxValue) { output.WriteByte((byte)(type | 25)); WriteBigEndian(output, argument, 2); }
        else if (argument <= uint.MaxValue) { output.WriteByte((byte)(type | 26)); WriteBigEndian(output, argument, 4); }
        else { output.WriteByte((byte)(type | 27)); WriteBigEndian(output, argument, 8); }
    }

    private static void Write(Stream output, object? value)
    {
        switch (value)
        {
            case null:
                output.WriteByte(0xF6);
                break;
            case bool b:
                output.WriteByte(b ? (byte)0xF5 : (byte)0xF4);
                break;
            case string s:
                var bytes = Encoding.UTF8.GetBytes(s);
                Head(output, 3, (ulong)bytes.Length);
                output.Write(bytes);
                break;
            case int i when i >= 0:
                Head(output, 0, (ulong)i);
                break;
            case int i:
                Head(output, 1, (ulong)(-1L - i));
                break;
            case byte[] raw:
                Head(output, 2, (ulong)raw.Length);
                output.Write(raw);
                break;
            case (string Key, object? Value)[] map:
                Head(output, 5, (ulong)map.Length);
                foreach (var (key, item) in map)
                {
                    Write(output, key);
                    Write(output, item);
                }

                break;
            case object?[] array:
                Head(output, 4, (ulong)array.Length);
                foreach (var item in array)
                {
                    Write(output, item);
                }

                break;
            default:
                throw new System.ArgumentException("Cannot encode " + value.GetType());
        }
    }

    private static void WriteBigEndian(Stream output, ulong value, int size)
    {
        for (var i = size - 1; i >= 0; i--)
        {
            output.WriteByte((byte)(value >> (8 * i)));
        }
    }
}
