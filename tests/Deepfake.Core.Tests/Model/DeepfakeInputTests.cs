namespace Deepfake.Tests.Model;

public sealed class DeepfakeInputTests
{
    [Theory]
    [InlineData("https://example.test/a.jpg")]
    [InlineData("http://127.0.0.1:5080/face.png")]
    [InlineData("ftp://example.test/a.jpg")]
    public void Parse_reads_absolute_urls_as_urls(string text)
    {
        var input = DeepfakeInput.Parse(text);

        Assert.Equal(InputKind.Url, input.Kind);
        Assert.Equal(text, input.Source);
        Assert.NotNull(input.Uri);
    }

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("/srv/share/onboarding/a b [1].jpg")]
    [InlineData(@"C:\share\photo.jpg")]
    [InlineData(@"\\server\share\photo.jpg")]
    public void Parse_reads_everything_else_as_a_path(string text)
    {
        var input = DeepfakeInput.Parse(text);

        Assert.Equal(InputKind.File, input.Kind);
        Assert.Equal(text, input.Source);
        Assert.Null(input.Uri);
    }
}
