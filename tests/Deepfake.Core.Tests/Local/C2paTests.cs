using static Deepfake.Tests.Local.CborWriter;
using static Deepfake.Tests.Local.SampleWriter;

namespace Deepfake.Tests.Local;

public sealed class C2paTests : IDisposable
{
    private readonly TempFiles _files = new TempFiles();

    [Fact]
    public async Task Actions_split_across_many_app11_segments_are_reassembled()
    {
        var store = ManifestStore("c2pa.actions", ("c2pa.created", IptcPrefix + "compositeWithTrainedAlgorithmicMedia"), ("c2pa.edited", null));
        var segments = App11Segments(store, instance: 7, maxBoxBytesPerSegment: 40);
        Assert.True(segments.Length > 10);

        var result = await _files.Check("split.jpg", InsertSegments(TempFiles.Photo(), segments));

        Assert.Equal(DeepfakeStatus.Deepfake, result.Status);
        Assert.Equal(
            new[] { "C2PA.Manifest: manifest store present (1 manifest), signature not verified (JPEG APP11 (JUMBF))",
                    "C2PA.ClaimGenerator: DeepfakeSamples 1.0 c2pa-fixture (JPEG APP11 (JUMBF))",
                    "C2PA.Action: c2pa.created compositeWithTrainedAlgorithmicMedia (JPEG APP11 (JUMBF))",
                    "C2PA.Action: c2pa.edited (JPEG APP11 (JUMBF))" },
            result.Evidence.Select(e => e.ToString()));
        Assert.Equal("The file declares compositeWithTrainedAlgorithmicMedia via C2PA (signature not verified).", result.Message);
        Assert.DoesNotContain("verified", result.Message!.Replace("not verified", string.Empty));
    }

    [Fact]
    public async Task Segments_out_of_order_are_sorted_by_packet_sequence()
    {
        var segments = App11Segments(ManifestStore("c2pa.actions.v2", ("c2pa.created", IptcPrefix + "trainedAlgorithmicMedia")), maxBoxBytesPerSegment: 100);
        var shuffled = segments.Reverse().ToArray();

        var result = await _files.Check("shuffled.jpg", InsertSegments(TempFiles.Photo(), shuffled));

        Assert.Equal(DeepfakeStatus.Deepfake, result.Status);
    }

    [Fact]
    public async Task A_missing_packet_is_reported_and_nothing_is_claimed_from_it()
    {
        var segments = App11Segments(ManifestStore("c2pa.actions.v2", ("c2pa.created", IptcPrefix + "trainedAlgorithmicMedia")), maxBoxBytesPerSegment: 100);
        var gapped = segments.Where((_, i) => i != 1).ToArray();

        var result = await _files.Check("gapped.jpg", InsertSegments(TempFiles.Photo(), gapped));

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        var manifest = Assert.Single(result.Evidence);
        Assert.Equal("C2PA.Manifest", manifest.Kind);
        Assert.Contains("missing packet 2", manifest.Value);
        Assert.EndsWith("signature not verified", manifest.Value);
    }

    [Fact]
    public async Task A_v1_claim_names_its_claim_generator_text()
    {
        var actions = Superbox("c2as", "c2pa.assertions", CborAssertion("c2pa.actions__1", Map(("actions", Array(Map(("action", "c2pa.created"), ("digitalSourceType", IptcPrefix + "digitalCapture")))))));
        var claim = Superbox("c2cl", "c2pa.claim", Box("cbor", Encode(Map(("claim_generator", "Leica M11-P/2.0 c2pa-rs/0.25"), ("claim_generator_info", Array(Map(("name", "ignored"))))))));
        var store = Superbox("c2pa", "c2pa", Superbox("c2ma", ManifestLabel, actions, claim));

        var result = await _files.Check("camera.jpg", InsertSegments(TempFiles.Photo(), App11Segments(store)));

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        Assert.Null(result.IsDeepfake);
        Assert.Contains(result.Evidence, e => e.Kind == "C2PA.ClaimGenerator" && e.Value == "Leica M11-P/2.0 c2pa-rs/0.25");
        Assert.Contains(result.Evidence, e => e.Kind == "C2PA.Action" && e.Value == "c2pa.created digitalCapture");
        Assert.Contains("declares digitalCapture via C2PA (signature not verified); a declared capture is not proof", result.Message);
    }

    [Fact]
    public async Task An_ai_ingredient_manifest_makes_the_composite_a_deepfake()
    {
        Assert.Equal(DeepfakeStatus.Deepfake, (await _files.Check("ingredient.jpg", InsertSegments(TempFiles.Photo(), App11Segments(TwoManifests())))).Status);
    }

    [Fact]
    public async Task Png_caBX_chunk_is_read()
    {
        var result = await _files.Check("c2pa.png", Png(Chunk("caBX", ManifestStore("c2pa.actions.v2", ("c2pa.created", IptcPrefix + "trainedAlgorithmicMedia")))));

        Assert.Equal(DeepfakeStatus.Deepfake, result.Status);
        Assert.Contains(result.Evidence, e => e.Kind == "C2PA.Action" && e.Location == "PNG caBX (JUMBF)");
    }

    [Fact]
    public async Task WebP_C2PA_chunk_is_read()
    {
        var result = await _files.Check("c2pa.webp", WebP(("C2PA", ManifestStore("c2pa.actions.v2", ("c2pa.created", IptcPrefix + "algorithmicMedia")))));

        Assert.Equal(DeepfakeStatus.Deepfake, result.Status);
        Assert.Contains(result.Evidence, e => e.Value == "c2pa.created algorithmicMedia" && e.Location == "WebP C2PA (JUMBF)");
    }

    [Fact]
    public async Task A_manifest_without_actions_is_present_but_declares_nothing()
    {
        var store = Superbox("c2pa", "c2pa", Superbox("c2ma", ManifestLabel, Superbox("c2as", "c2pa.assertions")));

        var result = await _files.Check("bare.jpg", InsertSegments(TempFiles.Photo(), App11Segments(store)));

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        Assert.StartsWith("The file carries a C2PA manifest (signature not verified) that declares no AI generation", result.Message);
    }

    [Fact]
    public async Task Jumbf_that_is_not_c2pa_is_ignored()
    {
        var other = Superbox("xxxx", "some.other.jumbf", Box("json", "{}"u8.ToArray()));

        var result = await _files.Check("other.jpg", InsertSegments(TempFiles.Photo(), App11Segments(other)));

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        Assert.Empty(result.Evidence);
    }

    private static byte[] TwoManifests()
    {
        byte[] Manifest(string label, string sourceType) => Superbox("c2ma", label,
            Superbox("c2as", "c2pa.assertions", CborAssertion("c2pa.actions", Map(("actions", Array(Map(("action", "c2pa.created"), ("digitalSourceType", IptcPrefix + sourceType))))))));
        return Superbox("c2pa", "c2pa", Manifest("urn:uuid:ingredient", "trainedAlgorithmicMedia"), Manifest("urn:uuid:active", "digitalCapture"));
    }

    public void Dispose() => _files.Dispose();
}
