using System.IO;
using Deepfake.Local;
using Deepfake.Providers;
using static Deepfake.Tests.Local.SampleWriter;

namespace Deepfake.Tests.Local;

public sealed class StructureTests : IDisposable
{
    private readonly TempFiles _files = new TempFiles();

    [Fact]
    public void Info_describes_an_offline_provider_that_returns_evidence()
    {
        using var provider = new LocalProvider();

        Assert.Equal(ProviderKind.Local, provider.Info.Kind);
        Assert.False(provider.Info.RequiresCredential);
        Assert.True(provider.Info.ReturnsEvidence);
        Assert.False(provider.Info.ReturnsScore);
        Assert.Null(provider.Info.Endpoint);
        Assert.Equal("JPEG, PNG, WebP", provider.Info.Formats);
    }

    [Fact]
    public async Task An_empty_file_is_rejected_as_empty()
    {
        var result = await _files.Check("empty.jpg", System.Array.Empty<byte>());

        Assert.Equal((DeepfakeStatus.Rejected, DeepfakeErrorCode.EmptyImage), (result.Status, result.ErrorCode));
        Assert.Contains("empty.jpg", result.Message);
    }

    [Fact]
    public async Task A_gif_named_jpg_is_unsupported_by_content()
    {
        var result = await _files.Check("fake.jpg", "GIF89a\x01\0\x01\0"u8.ToArray());

        Assert.Equal((DeepfakeStatus.Rejected, DeepfakeErrorCode.UnsupportedMediaType), (result.Status, result.ErrorCode));
        Assert.Contains("'" + Path.Combine(_files.Folder, "fake.jpg") + "' is not a JPEG, PNG or WebP image (it starts with 47 49 46 38 39 61 01 00)", result.Message);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(30000)]
    [InlineData(66000)]
    public async Task A_jpeg_cut_short_is_invalid(int keep)
    {
        var photo = TempFiles.Photo();
        var result = await _files.Check("cut.jpg", photo.AsSpan(0, keep).ToArray());

        Assert.Equal((DeepfakeStatus.Rejected, DeepfakeErrorCode.InvalidImage), (result.Status, result.ErrorCode));
        Assert.Contains("truncated", result.Message);
    }

    [Fact]
    public async Task A_jpeg_with_a_small_trailer_after_eoi_is_fine()
    {
        var result = await _files.Check("trailer.jpg", Concat(TempFiles.Photo(), new byte[5000]));

        Assert.Equal(DeepfakeStatus.Inconclusive, result.Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_motion_photo_whose_xmp_declares_the_video_after_eoi_is_not_truncated(bool containerDirectory)
    {
        var video = new byte[200_000];
        new Random(5).NextBytes(video);
        for (var i = 0; i < video.Length; i++)
        {
            // No 0xFF, so no accidental EOI in the "video": only the declared length can explain the missing one.
            video[i] &= 0xFE;
        }
        var xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
            "<rdf:Description rdf:about=\"\" xmlns:GCamera=\"http://ns.google.com/photos/1.0/camera/\" xmlns:Container=\"http://ns.google.com/photos/1.0/container/\" xmlns:Item=\"http://ns.google.com/photos/1.0/container/item/\"" +
            (containerDirectory
                ? " GCamera:MotionPhoto=\"1\"><Container:Directory><rdf:Seq>" +
                  "<rdf:li rdf:parseType=\"Resource\"><Container:Item Item:Mime=\"image/jpeg\" Item:Semantic=\"Primary\" Item:Length=\"0\" Item:Padding=\"0\"/></rdf:li>" +
                  "<rdf:li rdf:parseType=\"Resource\"><Container:Item Item:Mime=\"video/mp4\" Item:Semantic=\"MotionPhoto\" Item:Length=\"200000\"/></rdf:li>" +
                  "</rdf:Seq></Container:Directory></rdf:Description>"
                : " GCamera:MicroVideo=\"1\" GCamera:MicroVideoOffset=\"200000\"/>") +
            "</rdf:RDF></x:xmpmeta>";
        var photo = InsertSegments(TempFiles.Photo(), XmpSegment(xmp));

        var motion = await _files.Check("motion.jpg", Concat(photo, video));
        var undeclared = await _files.Check("undeclared.jpg", Concat(TempFiles.Photo(), video));
        var wrongLength = await _files.Check("wrong.jpg", Concat(photo, video, new byte[100_000]));

        Assert.Equal(DeepfakeStatus.Inconclusive, motion.Status);
        Assert.Equal(DeepfakeErrorCode.InvalidImage, undeclared.ErrorCode);
        Assert.Equal(DeepfakeErrorCode.InvalidImage, wrongLength.ErrorCode);
    }

    [Fact]
    public async Task A_png_without_iend_is_invalid()
    {
        var png = Png(Text("parameters", SdParameters));
        var result = await _files.Check("noend.png", png.AsSpan(0, png.Length - 12).ToArray());

        Assert.Equal(DeepfakeErrorCode.InvalidImage, result.ErrorCode);
        Assert.Contains("without the PNG IEND chunk", result.Message);
    }

    [Fact]
    public async Task A_webp_without_image_data_is_invalid()
    {
        var webp = WebP();
        var noImage = Concat("RIFF\x04\0\0\0WEBP"u8.ToArray());

        Assert.Equal(DeepfakeStatus.Inconclusive, (await _files.Check("ok.webp", webp)).Status);
        Assert.Equal(DeepfakeErrorCode.InvalidImage, (await _files.Check("noimage.webp", noImage)).ErrorCode);
    }

    [Fact]
    public async Task A_missing_file_fails_with_FileNotFound_naming_it()
    {
        using var provider = new LocalProvider();
        var path = Path.Combine(_files.Folder, "nope.jpg");

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.FileNotFound, error.ErrorCode);
        Assert.Equal(DeepfakeStatus.Failed, error.Status);
        Assert.Equal(path, error.InputSource);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task A_directory_fails_as_invalid_input()
    {
        using var provider = new LocalProvider();

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(_files.Folder), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("is a directory", error.Message);
    }

    [Fact]
    public async Task A_url_fails_as_invalid_input_saying_local_files_only()
    {
        using var provider = new LocalProvider();

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.Parse("https://example.com/a.jpg"), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("reads local files only", error.Message);
    }

    [Fact]
    public async Task A_cancelled_call_throws_OperationCanceledException()
    {
        using var provider = new LocalProvider();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var path = _files.Write("x.jpg", TempFiles.Photo());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default, cts.Token));
    }

    [Fact]
    public void Options_refuse_values_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalOptions { MaxCborDepth = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalOptions { MaxMetadataBytes = 0 });
        Assert.Equal(LocalOptions.DefaultMaxCborDepth, new LocalOptions().MaxCborDepth);
    }

    public void Dispose() => _files.Dispose();
}
