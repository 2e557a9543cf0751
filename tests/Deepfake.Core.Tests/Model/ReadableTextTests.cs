namespace Deepfake.Tests.Model;

/// <summary>Every model type must read as a scalar, because Export-Csv and the CSV writer call ToString.</summary>
public sealed class ReadableTextTests
{
    [Fact]
    public void Lists_join_their_items_instead_of_naming_their_type()
    {
        var list = ReadableList<Landmark>.From(new[] { new Landmark(null, 1, 2), new Landmark("Nose", 3.5, 4) });

        Assert.Equal("1,2; Nose=3.5,4", list.ToString());
        Assert.Equal(string.Empty, ReadableList<Landmark>.From(null).ToString());
    }

    [Fact]
    public void Box_from_corners_keeps_the_top_left_and_derives_the_size()
    {
        var box = FaceBox.FromCorners(10, 20, 110, 220);

        Assert.Equal((10d, 20d, 100d, 200d), (box.X, box.Y, box.Width, box.Height));
        Assert.Equal("10,20 100x200", box.ToString());
    }

    [Fact]
    public void Quality_names_the_checks_that_failed()
    {
        var quality = new FaceQuality(5.8, -2.3, -0.3, new[]
        {
            new QualityMetric("blur", 0.00001, true),
            new QualityMetric("distortion", 0.907, false),
        });

        Assert.False(quality.IsAcceptable);
        Assert.Equal(new[] { "distortion" }, quality.FailedChecks);
        Assert.StartsWith("failed: distortion", quality.ToString());
        Assert.Same(quality.Metrics[1], quality["Distortion"]);
    }

    [Fact]
    public void Attributes_list_only_what_was_seen()
    {
        Assert.Equal("sunglasses, hat", new FaceAttributes(true, false, null, true, false).ToString());
        Assert.Equal("none", new FaceAttributes(false, false, false, false, false).ToString());
    }
}
