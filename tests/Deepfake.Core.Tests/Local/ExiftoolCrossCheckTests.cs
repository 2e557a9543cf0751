using System.IO;
using System.Text.Json;

namespace Deepfake.Tests.Local;

/// <summary>
/// ExifTool, an independent reader, must see in the samples what our writer put there and our provider reports:
/// XMP IPTC properties, PNG text, EXIF UserComment and the C2PA actions inside the JUMBF.
/// </summary>
public sealed class ExiftoolCrossCheckTests : IDisposable
{
    private readonly TempFiles _files = new TempFiles();
    private static string Sample(string name) => Path.Combine(TempFiles.RepositoryRoot(), "samples", name);

    [ExiftoolFact]
    public async Task Exiftool_reads_the_xmp_sample_as_we_do()
    {
        var tags = Exiftool.ReadJson("-XMP-iptcExt:all", Sample("xmp-trained.jpg"))[0];
        var ours = await TempFiles.Check(Sample("xmp-trained.jpg"));

        Assert.Equal(SampleWriter.IptcPrefix + "trainedAlgorithmicMedia", tags.GetProperty("XMP-iptcExt:DigitalSourceType").GetString());
        Assert.Equal("Stable Diffusion XL", tags.GetProperty("XMP-iptcExt:AISystemUsed").GetString());
        Assert.Contains(ours.Evidence, e => e.Kind == "IPTC.AISystemUsed" && e.Value == "Stable Diffusion XL");
    }

    [ExiftoolFact]
    public void Exiftool_reads_the_png_text_and_exif_samples()
    {
        var tags = Exiftool.ReadJson("-PNG:all", "-ExifIFD:UserComment", Sample("sd-parameters.png"), Sample("comfyui.png"), Sample("exif-usercomment.jpg"));

        Assert.Equal(SampleWriter.SdParameters, tags[0].GetProperty("PNG:Parameters").GetString());
        Assert.Equal(SampleWriter.ComfyPrompt, tags[1].GetProperty("PNG:Prompt").GetString());
        Assert.Equal(SampleWriter.ComfyWorkflow, tags[1].GetProperty("PNG:Workflow").GetString());
        Assert.Equal(SampleWriter.SdParameters, tags[2].GetProperty("ExifIFD:UserComment").GetString());
    }

    [ExiftoolFact]
    public void Exiftool_reads_the_c2pa_actions_from_our_jumbf()
    {
        var tags = Exiftool.ReadJson("-JUMBF:all", "-CBOR:all", Sample("c2pa-trained.jpg"))[0];

        Assert.Equal("c2pa", tags.GetProperty("JUMBF:JUMDLabel").GetString());
        Assert.Equal("c2pa.created", tags.GetProperty("CBOR:ActionsAction").GetString());
        Assert.Equal(SampleWriter.IptcPrefix + "trainedAlgorithmicMedia", tags.GetProperty("CBOR:ActionsDigitalSourceType").GetString());
        Assert.Equal("DeepfakeSamples", tags.GetProperty("CBOR:Claim_Generator_InfoName").GetString());
    }

    [ExiftoolFact]
    public async Task Exiftool_and_we_decode_non_ascii_itxt_the_same_way()
    {
        const string prompt = "Porträt einer Astronautin, 宇宙飛行士, ✨";
        var path = _files.Write("itxt.png", SampleWriter.Png(SampleWriter.InternationalText("parameters", prompt + "\nSteps: 20, Sampler: Euler a, Version: v1.9.4")));

        var tags = Exiftool.ReadJson("-PNG:Parameters", path)[0];
        var ours = await TempFiles.Check(path);

        Assert.StartsWith(prompt, tags.GetProperty("PNG:Parameters").GetString());
        Assert.Contains(ours.Evidence, e => e.Kind == "Generator.Parameters" && e.Value.Contains("prompt \"" + prompt + "\""));
    }

    public void Dispose() => _files.Dispose();
}
