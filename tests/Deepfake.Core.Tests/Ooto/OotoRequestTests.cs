using System.IO;
using System.Net;
using System.Text;
using Deepfake.Tests.Http;

namespace Deepfake.Tests.Ooto;

public sealed class OotoRequestTests
{
    private const string Genuine = """{"transactionId":"t","result":{"deepfake":{"score":0.97,"fine":true}}}""";

    [Theory]
    [InlineData("astronaut.jpg", "Fixtures/astronaut.jpg", "image/jpeg")]
    [InlineData("really-a-png.jpg", "Fixtures/astronaut.png", "image/png")]
    [InlineData("no-extension", "Fixtures/astronaut.jpg", "image/jpeg")]
    public async Task Posts_the_photo_field_with_the_type_its_bytes_show_and_the_documented_headers(string name, string fixture, string contentType)
    {
        using var files = new TestFiles();
        var path = files.Copy(TestFiles.Data(fixture), name);
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.OK, Genuine);
        using var provider = stubs.Ooto();

        await provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default);

        var request = Assert.Single(stubs.Handler.Requests);
        Assert.Equal(System.Net.Http.HttpMethod.Post, request.Method);
        Assert.Equal("http://vendor.test/api/v1.0/deepfake", request.Uri.AbsoluteUri);
        Assert.Equal(StubProviders.AppId, request.Headers["APP-ID"]);
        Assert.Equal(StubProviders.Key, request.Headers["APP-KEY"]);
        Assert.StartsWith("multipart/form-data", request.ContentType);
        Assert.Equal(request.Body.Length, request.ContentLength);

        var text = Encoding.Latin1.GetString(request.Body);
        Assert.Contains($"Content-Disposition: form-data; name=\"photo\"; filename=\"{name}\"\r\n", text);
        Assert.Contains($"Content-Type: {contentType}\r\n", text);
        var image = File.ReadAllBytes(path);
        Assert.Contains(Encoding.Latin1.GetString(image), text);
    }

    [Fact]
    public async Task A_file_name_that_is_not_plain_ascii_travels_as_a_neutral_name()
    {
        using var files = new TestFiles();
        var path = files.Copy(TestFiles.PngFixture, "fotó \"1\".png");
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.OK, Genuine);
        using var provider = stubs.Ooto();

        await provider.CheckAsync(DeepfakeInput.FromFile(path), CheckOptions.Default);

        Assert.Contains("name=\"photo\"; filename=\"photo.png\"", Encoding.Latin1.GetString(stubs.Handler.Requests.Single().Body));
    }

    [Fact]
    public async Task A_gateway_base_path_is_kept()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.OK, Genuine);
        using var provider = stubs.Ooto(o => o.BaseUrl = new Uri("http://gw.test/vendors/ooto/"));

        await provider.CheckAsync(DeepfakeInput.FromFile(TestFiles.JpegFixture), CheckOptions.Default);

        Assert.Equal("http://gw.test/vendors/ooto/api/v1.0/deepfake", stubs.Handler.Requests.Single().Uri.AbsoluteUri);
        Assert.Equal("http://gw.test/vendors/ooto/api/v1.0/deepfake", provider.Info.Endpoint!.AbsoluteUri);
    }

    [Fact]
    public async Task A_redirect_from_the_vendor_is_not_followed_so_the_key_stays_home()
    {
        var stubs = new StubProviders();
        stubs.Handler.Then(HttpStatusCode.Found, "", r => r.Headers.Location = new Uri("https://collector.example/steal"));
        using var provider = stubs.Ooto();

        var error = await Assert.ThrowsAsync<DeepfakeException>(() => provider.CheckAsync(DeepfakeInput.FromFile(TestFiles.JpegFixture), CheckOptions.Default));

        Assert.Equal(DeepfakeErrorCode.ProtocolError, error.ErrorCode);
        Assert.Contains("collector.example", error.Message);
        Assert.Single(stubs.Handler.Requests);
    }

    [Fact]
    public async Task A_file_deleted_after_pre_flight_fails_as_file_not_found()
    {
        using var files = new TestFiles();
        var path = files.Copy(TestFiles.JpegFixture, "vanishing.jpg");
        var image = Deepfake.Preflight.ImagePreflight.CheckFile(path, "Ooto", long.MaxValue);
        File.Delete(path);

        var error = Assert.Throws<DeepfakeException>(() => Deepfake.Preflight.ImagePreflight.OpenForSend(image, path, "Ooto"));

        Assert.Equal(DeepfakeErrorCode.FileNotFound, error.ErrorCode);
        Assert.Contains(path, error.Message);
    }
}
