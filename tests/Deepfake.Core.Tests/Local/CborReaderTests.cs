using Deepfake.Local.Cbor;

namespace Deepfake.Tests.Local;

public sealed class CborReaderTests
{
    private static CborValue Decode(string hex, int maxDepth = 64, int maxItems = 1000)
    {
        var bytes = Convert.FromHexString(hex);
        return CborReader.Decode(bytes, 0, bytes.Length, maxDepth, maxItems);
    }

    [Theory]
    [InlineData("00", "0")]
    [InlineData("17", "23")]
    [InlineData("1818", "24")]
    [InlineData("1903e8", "1000")]
    [InlineData("1a000f4240", "1000000")]
    [InlineData("1bffffffffffffffff", "18446744073709551615")]
    [InlineData("20", "-1")]
    [InlineData("3863", "-100")]
    [InlineData("6449455446", "IETF")]
    [InlineData("7f657374726561646d696e67ff", "streaming")]
    [InlineData("f93e00", "1.5")]
    [InlineData("fa47c35000", "100000")]
    [InlineData("fb3ff199999999999a", "1.1")]
    [InlineData("c074323031332d30332d32315432303a30343a30305a", "2013-03-21T20:04:00Z")]
    public void Decodes_the_rfc_8949_examples(string hex, string expected)
    {
        Assert.Equal(expected, Decode(hex).ToString());
    }

    [Fact]
    public void Decodes_maps_arrays_and_byte_strings_definite_and_indefinite()
    {
        var map = Decode("bf61610161629f0203ffff");
        Assert.Equal("1", map["a"]!.ToString());
        Assert.Equal(new[] { "2", "3" }, map["b"]!.Items.Select(i => i.ToString()));

        var bytes = Decode("5f42010243030405ff");
        Assert.Equal((CborKind.Bytes, 5L), (bytes.Kind, bytes.ByteLength));

        var simple = Decode("83f4f5f6");
        Assert.Equal(new ulong[] { 20, 21, 22 }, simple.Items.Select(i => i.Number));
    }

    [Theory]
    [InlineData("1c", "reserved additional information 28")]
    [InlineData("ff", "a break where a data item must be")]
    [InlineData("0001", "1 bytes follow the data item")]
    [InlineData("62", "claims 2 bytes but only 0 remain")]
    [InlineData("9a00010000", "claims 65536 bytes but only 0 remain")]
    [InlineData("ba0001000000", "a map claims 65536 pairs but only 1 bytes remain")]
    [InlineData("bf6161ff", "an indefinite-length map has a key without a value")]
    [InlineData("7f01ff", "holds a chunk of another type")]
    [InlineData("3f", "major type 1 cannot have an indefinite length")]
    [InlineData("5f", "claims 1 bytes but only 0 remain")]
    public void Refuses_malformed_input_with_a_reason(string hex, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Decode(hex));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Limits_depth_and_item_count()
    {
        Assert.Contains("nesting deeper than 4", Assert.Throws<FormatException>(() => Decode("818181818100", maxDepth: 4)).Message);
        Assert.Equal(CborKind.Array, Decode("8181818100", maxDepth: 4).Kind);
        Assert.Contains("more than 16 data items", Assert.Throws<FormatException>(() => Decode("98" + "14" + string.Concat(Enumerable.Repeat("00", 20)), maxItems: 16)).Message);
    }
}
