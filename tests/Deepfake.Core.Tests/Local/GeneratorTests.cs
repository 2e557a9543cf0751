using System.Text;
using static Deepfake.Tests.Local.SampleWriter;

namespace Deepfake.Tests.Local;

public sealed class GeneratorTests : IDisposable
{
    private readonly TempFiles _files = new TempFiles();

    [Theory]
    [InlineData("parameters", "a cat\nSteps: 20, Sampler: Euler, Version: f2.0.1v1.10.1", "Generator.Parameters", "Stable Diffusion WebUI Forge; Steps 20; Sampler Euler; prompt \"a cat\"")]
    [InlineData("parameters", "a cat\nNegative prompt: dog\nSteps: 20, Sampler: Euler, Fooocus V2 Expansion: x", "Generator.Parameters", "Fooocus; Steps 20; Sampler Euler; prompt \"a cat\"")]
    [InlineData("parameters", "{\"sui_image_params\":{\"prompt\":\"a cat\"}}", "Generator.Parameters", "SwarmUI; {\"sui_image_params\":{\"prompt\":\"a cat\"}}")]
    [InlineData("workflow", "{\"nodes\":[{\"id\":1},{\"id\":2}]}", "Generator.Workflow", "ComfyUI; 2 nodes")]
    [InlineData("invokeai_metadata", "{\"positive_prompt\":\"a cat\",\"model\":{\"name\":\"sdxl\"}}", "Generator.InvokeAI", "InvokeAI; {\"positive_prompt\":\"a cat\",\"model\":{\"name\":\"sdxl\"}}")]
    [InlineData("sd-metadata", "{\"app_id\":\"invoke-ai/InvokeAI\"}", "Generator.InvokeAI", "InvokeAI; {\"app_id\":\"invoke-ai/InvokeAI\"}")]
    [InlineData("Dream", "\"a cat\" -s 50 -S 42", "Generator.InvokeAI", "InvokeAI; \"a cat\" -s 50 -S 42")]
    [InlineData("Description", "a cat in space Job ID: 1b2c3d4e-0000-4f00-8000-123456789abc", "Generator.Midjourney", "Midjourney; Job ID: 1b2c3d4e-0000-4f00-8000-123456789abc")]
    [InlineData("Software", "Adobe Firefly", "Generator.Software", "Adobe Firefly")]
    public async Task Png_text_fingerprints_name_the_generator(string keyword, string text, string kind, string value)
    {
        var result = await _files.Check("gen.png", Png(Text(keyword, text)));

        Assert.Equal(DeepfakeStatus.Deepfake, result.Status);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal((kind, value, "PNG tEXt \"" + keyword + "\""), (evidence.Kind, evidence.Value, evidence.Location));
    }

    [Fact]
    public async Task NovelAI_software_and_comment_are_both_reported()
    {
        var result = await _files.Check("nai.png", Png(Text("Software", "NovelAI"), Text("Source", "NovelAI Diffusion V4 5BDE7E7A"), Text("Comment", "{\"prompt\": \"a cat\", \"steps\": 28}")));

        Assert.Equal(new[] { "Generator.Software", "Generator.Software", "Generator.NovelAI" }, result.Evidence.Select(e => e.Kind));
        Assert.Equal("NovelAI; {\"prompt\": \"a cat\", \"steps\": 28}", result.Evidence[2].Value);
    }

    [Fact]
    public async Task Ordinary_text_chunks_declare_nothing()
    {
        var result = await _files.Check("plain.png", Png(Text("Software", "GIMP 2.10"), Text("Comment", "holiday"), Text("Description", "a beach"), Text("prompt", "not json")));

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        Assert.Empty(result.Evidence);
    }

    [Fact]
    public async Task Itxt_is_decoded_as_utf8_plain_and_compressed()
    {
        const string prompt = "Porträt, 宇宙飛行士 ✨";
        var plain = await _files.Check("plain-itxt.png", Png(InternationalText("parameters", prompt + "\nSteps: 5, Version: v1")));
        var packed = await _files.Check("packed-itxt.png", Png(InternationalText("parameters", prompt + "\nSteps: 5, Version: v1", compressed: true)));

        Assert.Equal("AUTOMATIC1111 Stable Diffusion WebUI; Steps 5; prompt \"" + prompt + "\"", Assert.Single(plain.Evidence).Value);
        Assert.Equal("PNG iTXt \"parameters\"", plain.Evidence[0].Location);
        Assert.Equal(plain.Evidence[0].Value, Assert.Single(packed.Evidence).Value);
    }

    [Fact]
    public async Task Ztxt_is_inflated()
    {
        var result = await _files.Check("ztxt.png", Png(CompressedText("parameters", Zlib(Encoding.Latin1.GetBytes(SdParameters)))));

        Assert.Equal("PNG zTXt \"parameters\"", Assert.Single(result.Evidence).Location);
    }

    [Fact]
    public async Task Exif_usercomment_in_utf16_big_endian_ascii_and_webp_are_read()
    {
        const string parameters = "ein Hund\nSteps: 12, Sampler: Euler a, Version: v1.6.0";
        var unicode = await _files.Check("u.jpg", InsertSegments(TempFiles.Photo(), ExifSegment(ExifTiff(null, UnicodeUserComment("Hündin 犬" + parameters)))));
        var ascii = await _files.Check("a.jpg", InsertSegments(TempFiles.Photo(), ExifSegment(ExifTiff(null, AsciiUserComment(parameters)))));
        var webp = await _files.Check("w.webp", WebP(("EXIF", ExifTiff(null, UnicodeUserComment(parameters)))));

        Assert.Equal("AUTOMATIC1111 Stable Diffusion WebUI; Steps 12; Sampler Euler a; prompt \"Hündin 犬ein Hund\"", Assert.Single(unicode.Evidence).Value);
        Assert.Equal("EXIF UserComment", unicode.Evidence[0].Location);
        Assert.Equal("AUTOMATIC1111 Stable Diffusion WebUI; Steps 12; Sampler Euler a; prompt \"ein Hund\"", Assert.Single(ascii.Evidence).Value);
        Assert.Equal(DeepfakeStatus.Deepfake, webp.Status);
    }

    [Fact]
    public async Task Exif_software_naming_a_generator_is_evidence_and_a_camera_is_not()
    {
        var generated = await _files.Check("sw.jpg", InsertSegments(TempFiles.Photo(), ExifSegment(ExifTiff("Midjourney v6", null))));
        var camera = await _files.Check("cam.jpg", InsertSegments(TempFiles.Photo(), ExifSegment(ExifTiff("Canon EOS R5 Firmware 1.8.1", AsciiUserComment("family picnic")))));

        Assert.Equal(("Generator.Software", "Midjourney v6", "EXIF Software"), (generated.Evidence[0].Kind, generated.Evidence[0].Value, generated.Evidence[0].Location));
        Assert.Equal(DeepfakeStatus.Deepfake, generated.Status);
        Assert.Equal(DeepfakeStatus.Inconclusive, camera.Status);
        Assert.Empty(camera.Evidence);
    }

    [Fact]
    public async Task A_usercomment_naming_a_generator_without_parameters_is_evidence()
    {
        var result = await _files.Check("uc.jpg", InsertSegments(TempFiles.Photo(), ExifSegment(ExifTiff(null, AsciiUserComment("Made with DALL-E 3")))));

        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(("Generator.UserComment", "DALL-E; Made with DALL-E 3", "EXIF UserComment"), (evidence.Kind, evidence.Value, evidence.Location));
        Assert.Equal(DeepfakeStatus.Deepfake, result.Status);
    }

    [Fact]
    public async Task Xmp_creator_tool_naming_a_generator_is_evidence()
    {
        var xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
                  "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmp:CreatorTool=\"Adobe Firefly Image 3\"/></rdf:RDF></x:xmpmeta>";

        var result = await _files.Check("tool.jpg", InsertSegments(TempFiles.Photo(), XmpSegment(xmp)));

        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(("Generator.Software", "Adobe Firefly Image 3", "XMP (JPEG APP1) xmp:CreatorTool"), (evidence.Kind, evidence.Value, evidence.Location));
        Assert.Contains("names the generator Adobe Firefly in xmp:CreatorTool", result.Message);
    }

    [Fact]
    public async Task A_long_prompt_is_excerpted()
    {
        var prompt = string.Join(", ", Enumerable.Repeat("masterpiece", 1000));
        var result = await _files.Check("long.png", Png(Text("parameters", prompt + "\nSteps: 20, Version: v1.9.4")));

        Assert.True(result.Evidence[0].Value.Length < 200, result.Evidence[0].Value);
        Assert.EndsWith("…\"", result.Evidence[0].Value);
    }

    public void Dispose() => _files.Dispose();
}
