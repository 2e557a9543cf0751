using System.IO;

namespace Deepfake.Tests.Local;

/// <summary>
/// The committed samples are exactly what <see cref="SampleWriter"/> generates, so they cannot drift from the code
/// that documents them. Set DEEPFAKE_REGENERATE_SAMPLES=1 to rewrite them instead (see samples/README.md).
/// </summary>
public sealed class SamplesTests
{
    private static string SamplesFolder => Path.Combine(TempFiles.RepositoryRoot(), "samples");

    [Fact]
    public void Committed_samples_equal_the_generated_bytes()
    {
        var generated = SampleWriter.Samples(TempFiles.Photo());
        if (Environment.GetEnvironmentVariable("DEEPFAKE_REGENERATE_SAMPLES") == "1")
        {
            foreach (var (name, bytes) in generated)
            {
                File.WriteAllBytes(Path.Combine(SamplesFolder, name), bytes);
            }
        }

        foreach (var (name, bytes) in generated)
        {
            var path = Path.Combine(SamplesFolder, name);
            Assert.True(File.Exists(path), path + " is missing; regenerate the samples (samples/README.md).");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)), name + " differs from what SampleWriter generates; regenerate the samples (samples/README.md).");
        }
    }

    [Theory]
    [InlineData("c2pa-trained.jpg", DeepfakeStatus.Deepfake, "C2PA.Action", "c2pa.created trainedAlgorithmicMedia")]
    [InlineData("xmp-trained.jpg", DeepfakeStatus.Deepfake, "IPTC.DigitalSourceType", "trainedAlgorithmicMedia")]
    [InlineData("exif-usercomment.jpg", DeepfakeStatus.Deepfake, "Generator.Parameters", "AUTOMATIC1111 Stable Diffusion WebUI; Model v1-5-pruned-emaonly; Steps 30; Sampler DPM++ 2M Karras; prompt \"portrait photo of an astronaut, studio lighting, 85mm\"")]
    [InlineData("sd-parameters.png", DeepfakeStatus.Deepfake, "Generator.Parameters", "AUTOMATIC1111 Stable Diffusion WebUI; Model v1-5-pruned-emaonly; Steps 30; Sampler DPM++ 2M Karras; prompt \"portrait photo of an astronaut, studio lighting, 85mm\"")]
    [InlineData("comfyui.png", DeepfakeStatus.Deepfake, "Generator.Prompt", "ComfyUI; 3 nodes; checkpoint sd_xl_base_1.0.safetensors")]
    public async Task Each_sample_gives_its_documented_verdict(string name, DeepfakeStatus status, string kind, string value)
    {
        var result = await TempFiles.Check(Path.Combine(SamplesFolder, name));

        Assert.Equal(status, result.Status);
        Assert.True(result.IsDeepfake);
        Assert.Null(result.Score);
        Assert.Contains(result.Evidence, e => e.Kind == kind && e.Value == value);
    }

    [Fact]
    public async Task The_plain_photo_is_inconclusive_and_says_absence_is_not_proof()
    {
        var result = await TempFiles.Check(Path.Combine(SamplesFolder, "photo-no-declarations.jpg"));

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
        Assert.Null(result.IsDeepfake);
        Assert.Empty(result.Evidence);
        Assert.Equal("Local", result.Provider);
        Assert.Contains("not proof that the image is genuine", result.Message);
    }
}
