using static Deepfake.Tests.Local.SampleWriter;

namespace Deepfake.Tests.Local;

public sealed class XmpTests : IDisposable
{
    private readonly TempFiles _files = new TempFiles();

    [Theory]
    [InlineData("trainedAlgorithmicMedia", DeepfakeStatus.Deepfake)]
    [InlineData("compositeWithTrainedAlgorithmicMedia", DeepfakeStatus.Deepfake)]
    [InlineData("algorithmicMedia", DeepfakeStatus.Deepfake)]
    [InlineData("compositeSynthetic", DeepfakeStatus.Deepfake)]
    [InlineData("digitalCapture", DeepfakeStatus.Inconclusive)]
    [InlineData("computationalCapture", DeepfakeStatus.Inconclusive)]
    [InlineData("negativeFilm", DeepfakeStatus.Inconclusive)]
    [InlineData("positiveFilm", DeepfakeStatus.Inconclusive)]
    [InlineData("print", DeepfakeStatus.Inconclusive)]
    [InlineData("humanEdits", DeepfakeStatus.Inconclusive)]
    [InlineData("minorHumanEdits", DeepfakeStatus.Inconclusive)]
    [InlineData("compositeCapture", DeepfakeStatus.Inconclusive)]
    [InlineData("algorithmicallyEnhanced", DeepfakeStatus.Inconclusive)]
    [InlineData("dataDrivenMedia", DeepfakeStatus.Inconclusive)]
    [InlineData("screenCapture", DeepfakeStatus.Inconclusive)]
    [InlineData("virtualRecording", DeepfakeStatus.Inconclusive)]
    [InlineData("composite", DeepfakeStatus.Inconclusive)]
    [InlineData("digitalArt", DeepfakeStatus.Inconclusive)]
    [InlineData("digitalCreation", DeepfakeStatus.Inconclusive)]
    public async Task Every_iptc_digital_source_type_is_reported_and_only_synthetic_ones_decide(string code, DeepfakeStatus status)
    {
        var result = await _files.Check(code + ".jpg", InsertSegments(TempFiles.Photo(), XmpSegment(Xmp(IptcPrefix + code))));

        Assert.Equal(status, result.Status);
        Assert.Equal(status == DeepfakeStatus.Deepfake ? true : null, result.IsDeepfake);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(("IPTC.DigitalSourceType", code, "XMP (JPEG APP1)"), (evidence.Kind, evidence.Value, evidence.Location));
        Assert.Contains("declares " + code + " via IPTC XMP", result.Message);
    }

    [Fact]
    public async Task The_iptc_2025_ai_properties_are_reported()
    {
        var xmp = Xmp(null, aiSystem: "Imagen 3", aiVersion: "3.0.2", prompt: new string('p', 5000), promptWriter: "J. Doe");

        var result = await _files.Check("ai.jpg", InsertSegments(TempFiles.Photo(), XmpSegment(xmp)));

        Assert.Equal(DeepfakeStatus.Deepfake, result.Status);
        Assert.Equal(new[] { "IPTC.AISystemUsed", "IPTC.AISystemVersionUsed", "IPTC.AIPromptInformation", "IPTC.AIPromptWriterName" }, result.Evidence.Select(e => e.Kind));
        Assert.Equal("Imagen 3", result.Evidence[0].Value);
        Assert.True(result.Evidence[2].Value.Length <= 81, "the prompt is excerpted, not copied whole");
        Assert.Contains("names the AI system Imagen 3", result.Message);
    }

    [Fact]
    public async Task Xmp_in_png_itxt_and_webp_chunks_is_read()
    {
        var png = await _files.Check("xmp.png", Png(InternationalText("XML:com.adobe.xmp", Xmp(IptcPrefix + "trainedAlgorithmicMedia"), compressed: true)));
        var webp = await _files.Check("xmp.webp", WebP(("XMP ", System.Text.Encoding.UTF8.GetBytes(Xmp(IptcPrefix + "compositeSynthetic")))));

        Assert.Equal("XMP (PNG iTXt \"XML:com.adobe.xmp\")", Assert.Single(png.Evidence).Location);
        Assert.Equal(DeepfakeStatus.Deepfake, png.Status);
        Assert.Equal("compositeSynthetic", Assert.Single(webp.Evidence).Value);
    }

    [Fact]
    public async Task Malformed_xmp_is_named_and_the_file_still_gets_a_result()
    {
        var result = await _files.Check("badxmp.jpg", InsertSegments(TempFiles.Photo(), XmpSegment("<x:xmpmeta><rdf:RDF")));

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        Assert.Contains("Not read: XMP (JPEG APP1) (not well-formed XMP)", result.Message);
    }

    public void Dispose() => _files.Dispose();
}
