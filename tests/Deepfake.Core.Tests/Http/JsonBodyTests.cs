using Deepfake.Http;

namespace Deepfake.Tests.Http;

public sealed class JsonBodyTests
{
    [Fact]
    public void Reads_a_bare_member_list_as_the_object_it_was_meant_to_be()
    {
        using var document = JsonBody.TryParse("\"message\": \"Invalid Payload\",\n\"data\": {\n\"message\": \"Syntax error\"\n}");

        Assert.Equal("Syntax error", document!.RootElement.GetProperty("data").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<html></html>")]
    [InlineData("{\"truncated\":")]
    public void Anything_else_that_is_not_json_is_null(string body)
    {
        Assert.Null(JsonBody.TryParse(body));
    }
}
