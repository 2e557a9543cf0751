using System.Buffers.Binary;
using System.IO;
using System.Text;
using Deepfake.Local;
using static Deepfake.Tests.Local.CborWriter;
using static Deepfake.Tests.Local.SampleWriter;

namespace Deepfake.Tests.Local;

/// <summary>
/// Hostile and broken files: each gets a clean result or a clear error, promptly, without allocating in proportion
/// to what the file claims. Allocation is measured on the calling thread through the provider's synchronous core.
/// </summary>
public sealed class NegativeCorpusTests : IDisposable
{
    private const long AllocationBound = 4 * 1024 * 1024;
    private readonly TempFiles _files = new TempFiles();

    [Fact]
    public async Task An_app11_segment_length_past_the_end_is_invalid()
    {
        var photo = TempFiles.Photo();
        var bad = Concat(photo.AsSpan(0, 2).ToArray(), new byte[] { 0xFF, 0xEB, 0xFF, 0xF0 }, "JP"u8.ToArray(), new byte[10]);

        var result = await _files.Check("app11.jpg", bad);

        Assert.Equal(DeepfakeErrorCode.InvalidImage, result.ErrorCode);
        Assert.Contains("claims 65518 bytes, past the end of the file", result.Message);
    }

    [Fact]
    public async Task An_app11_segment_length_below_two_is_invalid()
    {
        var bad = InsertSegments(TempFiles.Photo(), new byte[] { 0xFF, 0xEB, 0x00, 0x01 });

        var result = await _files.Check("short.jpg", bad);

        Assert.Equal(DeepfakeErrorCode.InvalidImage, result.ErrorCode);
        Assert.Contains("impossible length of 1 bytes", result.Message);
    }

    [Fact]
    public void Jumbf_box_lengths_past_the_end_leave_an_unreadable_manifest_note()
    {
        var store = ManifestStore("c2pa.actions.v2", ("c2pa.created", IptcPrefix + "trainedAlgorithmicMedia"));
        BinaryPrimitives.WriteUInt32BigEndian(store.AsSpan(0), (uint)store.Length + 1000);

        var result = CheckMeasured("box.jpg", InsertSegments(TempFiles.Photo(), App11Segments(store)));

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        var evidence = Assert.Single(result.Evidence);
        Assert.Contains("unreadable (JUMBF: the jumb box at offset 0 claims " + (store.Length + 1000) + " bytes", evidence.Value);
    }

    [Fact]
    public void Jumbf_nested_a_thousand_deep_is_refused_at_the_depth_limit()
    {
        var box = Superbox("c2pa", "c2pa");
        for (var i = 0; i < 1000; i++)
        {
            box = Superbox("c2ma", "m", box);
        }

        var result = CheckMeasured("deep.png", Png(Chunk("caBX", box)));

        Assert.Contains("nest deeper than " + LocalOptions.DefaultMaxBoxDepth, Assert.Single(result.Evidence).Value);
    }

    [Fact]
    public void A_cbor_nesting_bomb_of_depth_100000_is_refused()
    {
        var bomb = Concat(Enumerable.Repeat((byte)0x81, 100_000).ToArray(), new byte[] { 0x00 });

        var result = CheckMeasured("bomb.jpg", InsertSegments(TempFiles.Photo(), App11Segments(StoreWithActionsCbor(bomb))));

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        Assert.Contains(result.Evidence, e => e.Kind == "C2PA.Manifest" && e.Value.Contains("CBOR: nesting deeper than 64 levels"));
    }

    [Fact]
    public void A_cbor_length_of_two_to_the_sixty_is_refused_before_allocating()
    {
        var stream = new MemoryStream();
        Head(stream, 3, 1UL << 60);
        stream.Write("abc"u8);

        var result = CheckMeasured("huge.jpg", InsertSegments(TempFiles.Photo(), App11Segments(StoreWithActionsCbor(stream.ToArray()))));

        Assert.Contains(result.Evidence, e => e.Value.Contains("CBOR: an item claims 1152921504606846976 bytes but only 3 remain"));
    }

    [Fact]
    public void A_100_MB_xmp_packet_in_png_is_skipped_without_reading_it()
    {
        var path = SparsePng("xmp100.png", 100 * 1024 * 1024);

        var result = CheckMeasured(path);

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        Assert.Contains("Not read: PNG iTXt chunk of 104857600 bytes (limit " + LocalOptions.DefaultMaxMetadataBytes + ")", result.Message);
    }

    [Fact]
    public void A_100_MB_xmp_chunk_in_webp_is_skipped_without_reading_it()
    {
        var path = Path.Combine(_files.Folder, "xmp100.webp");
        var head = WebP();
        using (var file = new FileStream(path, FileMode.Create))
        {
            file.Write(head);
            file.Write("XMP "u8);
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, 100 * 1024 * 1024);
            file.Write(size);
            file.SetLength(file.Length + 100 * 1024 * 1024);
            file.Position = 4;
            BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(file.Length - 8));
            file.Write(size);
        }

        var result = CheckMeasured(path);

        Assert.Contains("Not read: WebP XMP chunk of 104857600 bytes", result.Message);
    }

    [Fact]
    public void A_ztxt_bomb_stops_inflating_at_the_limit()
    {
        var bomb = Zlib(new byte[64 * 1024 * 1024]);

        var result = CheckMeasured("bomb.png", Png(CompressedText("parameters", bomb)), allocationBound: 24 * 1024 * 1024);

        Assert.Contains("inflates past " + LocalOptions.DefaultMaxInflatedTextBytes + " bytes", result.Message);
        Assert.Empty(result.Evidence);
    }

    [Fact]
    public async Task A_png_chunk_with_a_bad_crc_is_not_trusted_and_is_named()
    {
        var png = Png(Text("parameters", SdParameters));
        png[33 + 8] ^= 0xFF; // first data byte of the tEXt chunk after the 33-byte signature+IHDR

        var result = await _files.Check("crc.png", png);

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        Assert.Empty(result.Evidence);
        Assert.Contains("Not read: PNG tEXt chunk at offset 33 with a bad CRC", result.Message);
    }

    [Fact]
    public async Task A_webp_with_a_bogus_riff_size_is_invalid()
    {
        var webp = WebP(("XMP ", Encoding.UTF8.GetBytes(Xmp(IptcPrefix + "trainedAlgorithmicMedia"))));
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(4), 0x7FFF_FFF0);

        var result = await _files.Check("riff.webp", webp);

        Assert.Equal((DeepfakeStatus.Rejected, DeepfakeErrorCode.InvalidImage), (result.Status, result.ErrorCode));
        Assert.Contains("declares a RIFF size of 2147483632 bytes", result.Message);
    }

    [Fact]
    public void App11_data_beyond_the_manifest_budget_is_skipped()
    {
        var big = ManifestStore("c2pa.actions.v2", ("c2pa.created", IptcPrefix + "trainedAlgorithmicMedia"));
        var segments = Enumerable.Range(1, 40).SelectMany(i => App11Segments(big, instance: i)).ToArray();
        var options = new LocalOptions { MaxManifestStoreBytes = 4096 };

        var result = CheckMeasured("many.jpg", InsertSegments(TempFiles.Photo(), segments), options: options);

        Assert.Contains("Not read: JUMBF data beyond 4096 bytes", result.Message);
    }

    [Fact]
    public void Random_corruption_of_every_sample_never_escapes_as_anything_but_a_result()
    {
        var random = new Random(20261122);
        var samples = SampleWriter.Samples(TempFiles.Photo()).Values.Append(WebP(("C2PA", ManifestStore("c2pa.actions", ("c2pa.created", IptcPrefix + "trainedAlgorithmicMedia"))))).ToList();
        using var provider = new LocalProvider();
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])samples[i % samples.Count].Clone();
            if (i % 3 == 0)
            {
                bytes = bytes.AsSpan(0, random.Next(1, bytes.Length)).ToArray();
            }
            else
            {
                // Corrupt the metadata area (the first 2 KB) where the parsers work.
                for (var k = 0; k < 1 + random.Next(8); k++)
                {
                    bytes[random.Next(Math.Min(bytes.Length, 2048))] = (byte)random.Next(256);
                }
            }

            var path = _files.Write("fuzz" + i, bytes);
            var result = provider.Check(DeepfakeInput.FromFile(path), CancellationToken.None);
            Assert.NotNull(result.Message);
        }
    }

    [Fact]
    public void Xmp_with_an_entity_expansion_bomb_is_not_expanded()
    {
        var entities = new System.Text.StringBuilder("<!DOCTYPE x:xmpmeta [<!ENTITY a0 \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">");
        for (var i = 1; i < 12; i++)
        {
            entities.Append("<!ENTITY a" + i + " \"" + string.Concat(Enumerable.Repeat("&a" + (i - 1) + ";", 10)) + "\">");
        }

        var xmp = entities + "]>" + Xmp(null, aiSystem: "&a11;");

        var result = CheckMeasured("laughs.jpg", InsertSegments(TempFiles.Photo(), XmpSegment(xmp)));

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        Assert.DoesNotContain(result.Evidence, e => e.Value.Contains("aaaa"));
    }

    [Fact]
    public void Mangled_xmp_and_exif_payloads_never_escape_as_exceptions()
    {
        var random = new Random(77);
        var xmp = Encoding.UTF8.GetBytes(Xmp(IptcPrefix + "trainedAlgorithmicMedia", aiSystem: "x", prompt: "y"));
        var tiff = ExifTiff("Stable Diffusion", UnicodeUserComment(SdParameters));
        using var provider = new LocalProvider();
        for (var i = 0; i < 400; i++)
        {
            var payload = (byte[])(i % 2 == 0 ? xmp : tiff).Clone();
            for (var k = 0; k < 1 + random.Next(6); k++)
            {
                payload[random.Next(payload.Length)] = (byte)random.Next(256);
            }

            var segment = i % 2 == 0
                ? Segment(0xE1, Concat(Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0"), payload))
                : ExifSegment(payload);
            var path = _files.Write("mangled" + i + ".jpg", InsertSegments(TempFiles.Photo(), segment));
            var result = provider.Check(DeepfakeInput.FromFile(path), CancellationToken.None);
            Assert.NotEqual(DeepfakeStatus.Rejected, result.Status);
        }
    }

    private static byte[] StoreWithActionsCbor(byte[] cbor) =>
        Superbox("c2pa", "c2pa", Superbox("c2ma", ManifestLabel, Superbox("c2as", "c2pa.assertions", Superbox("cbor", "c2pa.actions", Box("cbor", cbor)))));

    private string SparsePng(string name, int chunkLength)
    {
        var path = Path.Combine(_files.Folder, name);
        var head = Png();
        using var file = new FileStream(path, FileMode.Create);
        file.Write(head, 0, 33);
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)chunkLength);
        "iTXt"u8.CopyTo(header.AsSpan(4));
        file.Write(header);
        file.Write(Encoding.ASCII.GetBytes(PngXmpKeyword + "\0\0\0\0\0"));
        file.SetLength(file.Length - PngXmpKeyword.Length - 5 + chunkLength + 4);
        file.Position = file.Length;
        file.Write(head, 33, head.Length - 33);
        return path;
    }

    private const string PngXmpKeyword = "XML:com.adobe.xmp";

    private DeepfakeResult CheckMeasured(string name, byte[] bytes, LocalOptions? options = null, long allocationBound = AllocationBound) =>
        CheckMeasured(_files.Write(name, bytes), options, allocationBound);

    private static DeepfakeResult CheckMeasured(string path, LocalOptions? options = null, long allocationBound = AllocationBound)
    {
        using var provider = new LocalProvider(options);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = provider.Check(DeepfakeInput.FromFile(path), CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < allocationBound, "allocated " + allocated + " bytes checking " + Path.GetFileName(path));
        return result;
    }

    public void Dispose() => _files.Dispose();
}
