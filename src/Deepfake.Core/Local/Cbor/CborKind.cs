namespace Deepfake.Local.Cbor
{
    /// <summary>The CBOR major types (RFC 8949 section 3.1), with major type 7 split into simple values and floats.</summary>
    internal enum CborKind
    {
        Unsigned,
        Negative,
        Bytes,
        Text,
        Array,
        Map,
        Tag,
        Simple,
        Float,
    }
}
