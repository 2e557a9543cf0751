using System.Net;
using System.Text.Json;
using Deepfake.Sandbox.Tests.Support;

namespace Deepfake.Sandbox.Tests.Vendors;

public sealed class OotoEndpointTests : SandboxTestBase
{
    [Theory]
    [InlineData("astronaut.jpg", "image/jpeg")]
    [InlineData("astronaut.png", "image/png")]
    public async Task Unmarked_photo_is_genuine_with_every_documented_field(string file, string contentType)
    {
        var reply = await Http.OotoAsync(Server, System.IO.File.ReadAllBytes(TestImages.PathOf(file)), contentType);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var root = reply.Json;
        Assert.True(Guid.TryParse(root.GetProperty("transactionId").GetString(), out _));
        var result = root.GetProperty("result");
        var score = result.GetProperty("deepfake").GetProperty("score").GetDouble();
        Assert.InRange(score, 0.90, 0.9999999);
        Assert.True(result.GetProperty("deepfake").GetProperty("fine").GetBoolean());

        var quality = result.GetProperty("quality");
        foreach (var angle in new[] { "pitch", "yaw", "roll" })
        {
            Assert.Equal(JsonValueKind.Number, quality.GetProperty(angle).ValueKind);
        }

        foreach (var metric in new[] { "uniformity", "exposure", "contrast" })
        {
            Assert.Equal(JsonValueKind.Number, quality.GetProperty(metric).GetProperty("value").ValueKind);
            Assert.True(quality.GetProperty(metric).GetProperty("fine").GetBoolean());
        }

        foreach (var metric in new[] { "flare", "blur", "macroblocks", "distortion", "occlusion", "emotion", "leftEyeClosed", "rightEyeClosed", "crfiqa" })
        {
            Assert.Equal(JsonValueKind.Number, quality.GetProperty(metric).GetProperty("score").ValueKind);
            Assert.True(quality.GetProperty(metric).GetProperty("fine").GetBoolean(), metric);
        }

        var demography = result.GetProperty("demography");
        Assert.InRange(demography.GetProperty("age").GetInt32(), 1, 120);
        Assert.Contains(demography.GetProperty("gender").GetString(), new[] { "male", "female" });
        Assert.False(string.IsNullOrEmpty(demography.GetProperty("race").GetString()));

        // astronaut is 512x512: the face must lie inside it.
        var box = result.GetProperty("box");
        int x = box.GetProperty("x").GetInt32(), y = box.GetProperty("y").GetInt32(), w = box.GetProperty("w").GetInt32(), h = box.GetProperty("h").GetInt32();
        Assert.True(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 512 && y + h <= 512, $"box {x},{y},{w},{h}");
        var landmarks = result.GetProperty("landmarks").EnumerateArray().ToList();
        Assert.Equal(5, landmarks.Count);
        foreach (var point in landmarks)
        {
            Assert.Equal(2, point.GetArrayLength());
            Assert.InRange(point[0].GetInt32(), x, x + w);
            Assert.InRange(point[1].GetInt32(), y, y + h);
        }
    }

    [Fact]
    public async Task Deepfake_marker_gives_low_score_not_fine()
    {
        var reply = await Http.OotoAsync(Server, TestImages.JpegWith("outcome=deepfake"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var deepfake = reply.Json.GetProperty("result").GetProperty("deepfake");
        Assert.InRange(deepfake.GetProperty("score").GetDouble(), 0.02, 0.35);
        Assert.False(deepfake.GetProperty("fine").GetBoolean());
    }

    [Fact]
    public async Task Genuine_marker_gives_high_score()
    {
        var reply = await Http.OotoAsync(Server, TestImages.PngWith("outcome=genuine"), "image/png");

        Assert.InRange(reply.Json.GetProperty("result").GetProperty("deepfake").GetProperty("score").GetDouble(), 0.90, 1.0);
    }

    [Theory]
    [InlineData("outcome=lowquality", "blur")]
    [InlineData("outcome=attribute", "occlusion")]
    public async Task Quality_markers_make_one_metric_not_fine(string directives, string metric)
    {
        var reply = await Http.OotoAsync(Server, TestImages.JpegWith(directives));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var quality = reply.Json.GetProperty("result").GetProperty("quality");
        Assert.False(quality.GetProperty(metric).GetProperty("fine").GetBoolean());
        Assert.Equal(1, quality.EnumerateObject().Count(p => p.Value.ValueKind == JsonValueKind.Object && !p.Value.GetProperty("fine").GetBoolean()));
    }

    [Theory]
    [InlineData("outcome=noface", 5, "can not detect face")]
    [InlineData("outcome=multiface", 6, "more than one face detected on photo")]
    [InlineData("outcome=toosmall", 9, "can not extract features from sample, probably it is too small")]
    [InlineData("outcome=undecodable", 4, "can not decode image, check it is valid jpeg or png file")]
    [InlineData("outcome=code7", 7, "face is too close to the image border")]
    public async Task Outcome_markers_give_engine_errors(string directives, int code, string info)
    {
        await AssertEngineError(await Http.OotoAsync(Server, TestImages.JpegWith(directives)), code, info);
    }

    [Fact]
    public async Task Missing_photo_field_is_code_1()
    {
        await AssertEngineError(await Http.OotoAsync(Server, TestImages.Jpeg, field: "image"), 1, "photo should not be empty");
        await AssertEngineError(await Http.OotoAsync(Server, photo: null), 1, "photo should not be empty");
    }

    [Fact]
    public async Task Wrong_mime_type_or_content_is_code_2()
    {
        await AssertEngineError(await Http.OotoAsync(Server, TestImages.Jpeg, "text/plain"), 2, "wrong mime-type in input data");
        await AssertEngineError(await Http.OotoAsync(Server, "GIF89a not really"u8.ToArray(), "image/jpeg"), 2, "wrong mime-type in input data");
    }

    [Fact]
    public async Task Empty_photo_is_code_3()
    {
        await AssertEngineError(await Http.OotoAsync(Server, []), 3, "photo size is 0 bytes");
    }

    [Fact]
    public async Task Truncated_or_corrupt_images_are_code_4()
    {
        const string info = "can not decode image, check it is valid jpeg or png file";
        await AssertEngineError(await Http.OotoAsync(Server, TestImages.JpegWithoutEnd()), 4, info);
        await AssertEngineError(await Http.OotoAsync(Server, TestImages.PngWithoutEnd(), "image/png"), 4, info);
        await AssertEngineError(await Http.OotoAsync(Server, TestImages.PngWithBadHeader(), "image/png"), 4, info);
    }

    [Fact]
    public async Task Image_smaller_than_a_face_is_code_9()
    {
        await AssertEngineError(await Http.OotoAsync(Server, TestImages.TinyPng(32, 32), "image/png"), 9,
            "can not extract features from sample, probably it is too small");
    }

    [Theory]
    [InlineData(null, "k")]
    [InlineData("a", null)]
    [InlineData("", "k")]
    [InlineData("a", "")]
    public async Task Missing_or_empty_credentials_are_401(string? id, string? key)
    {
        var reply = await Http.OotoAsync(Server, TestImages.Jpeg, appId: id, appKey: key);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("Unauthorized", reply.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Header_names_are_case_insensitive()
    {
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, Server.OotoEndpoint);
        var form = new System.Net.Http.MultipartFormDataContent { { new System.Net.Http.ByteArrayContent(TestImages.Jpeg), "photo", "a.jpg" } };
        request.Content = form;
        request.Headers.Add("app-id", "x");
        request.Headers.Add("App-Key", "y");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task AssertEngineError(Reply reply, int code, string info)
    {
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var root = reply.Json;
        Assert.True(Guid.TryParse(root.GetProperty("transactionId").GetString(), out _));
        var result = root.GetProperty("result");
        Assert.Equal("error", result.GetProperty("status").GetString());
        Assert.Equal(code, result.GetProperty("code").GetInt32());
        Assert.Equal(info, result.GetProperty("info").GetString());
        return Task.CompletedTask;
    }
}
