using Deepfake.Http;

namespace Deepfake.Tests.Http;

public sealed class EndpointAddressTests
{
    [Theory]
    [InlineData("https://cloud.ooto-ai.com", "/api/v1.0/deepfake", "https://cloud.ooto-ai.com/api/v1.0/deepfake")]
    [InlineData("http://127.0.0.1:5080/", "/v1/face/deepfake", "http://127.0.0.1:5080/v1/face/deepfake")]
    [InlineData("https://gw.example/vendors/ooto", "/api/v1.0/deepfake", "https://gw.example/vendors/ooto/api/v1.0/deepfake")]
    [InlineData("https://gw.example/vendors/ooto/", "/api/v1.0/deepfake", "https://gw.example/vendors/ooto/api/v1.0/deepfake")]
    public void Appends_the_documented_path_keeping_the_base_path(string baseUrl, string path, string expected)
    {
        Assert.Equal(expected, EndpointAddress.Combine(new Uri(baseUrl), path).AbsoluteUri);
    }
}
