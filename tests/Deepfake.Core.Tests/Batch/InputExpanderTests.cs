using System.IO;
using Deepfake.Batch;
using Deepfake.Preflight;

namespace Deepfake.Tests.Batch;

public sealed class InputExpanderTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static readonly InputExpanderOptions Recurse = new() { Recurse = true };

    private string Rel(string path) => Path.GetRelativePath(_tree.Root, path);

    [Fact]
    public void A_directory_with_recurse_yields_its_images_sorted_by_name_files_before_subdirectories()
    {
        _tree.File("b b.JPG");
        _tree.File("a [1].png");
        _tree.File("ünïcødé.webp");
        _tree.File("notes.txt");
        _tree.File("z.jpeg");
        _tree.File(Path.Combine("sub dir [x]", "inner*.jpg"));
        _tree.File(Path.Combine("sub dir [x]", "deeper", "ä.png"));
        _tree.Dir("empty");

        var items = InputExpander.Expand(_tree.Root, Recurse).ToList();

        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(
            new[] { "a [1].png", "b b.JPG", "z.jpeg", "ünïcødé.webp", Path.Combine("sub dir [x]", "inner*.jpg"), Path.Combine("sub dir [x]", "deeper", "ä.png") },
            items.Select(i => Rel(i.Input.Source)));
        Assert.All(items, i => Assert.Equal(InputKind.File, i.Input.Kind));
    }

    [Fact]
    public void A_directory_without_recurse_is_one_failure_that_says_to_use_recurse()
    {
        _tree.File("a.jpg");

        var item = Assert.Single(InputExpander.Expand(_tree.Root));

        Assert.Equal(DeepfakeErrorCode.InvalidInput, item.Error!.ErrorCode);
        Assert.Contains("--recurse", item.Error.Message);
        Assert.Contains(_tree.Root, item.Error.Message);
        Assert.Equal(_tree.Root, item.Input.Source);
    }

    [Fact]
    public void A_named_file_is_taken_whatever_its_extension_and_even_with_wildcard_characters_in_its_name()
    {
        var notes = _tree.File("notes.txt");
        var starred = _tree.File("what*?.jpg");
        _tree.File("whatever.jpg");

        Assert.Equal(notes, Assert.Single(InputExpander.Expand(notes)).Input.Source);
        Assert.Equal(starred, Assert.Single(InputExpander.Expand(starred)).Input.Source);
    }

    [Fact]
    public void A_pattern_in_the_last_segment_matches_names_literally_apart_from_star_and_question_mark()
    {
        _tree.File("a [1].jpg");
        _tree.File("a [2].jpg");
        _tree.File("a 1.jpg");
        _tree.File("ab.png");
        _tree.File(Path.Combine("sub", "a [3].jpg"));

        var bracketed = InputExpander.Expand(Path.Combine(_tree.Root, "a [?].jpg")).Select(i => Rel(i.Input.Source));
        var all = InputExpander.Expand(Path.Combine(_tree.Root, "a*")).Select(i => Rel(i.Input.Source));

        Assert.Equal(new[] { "a [1].jpg", "a [2].jpg" }, bracketed);
        Assert.Equal(new[] { "a 1.jpg", "a [1].jpg", "a [2].jpg", "ab.png" }, all);
    }

    [Fact]
    public void A_pattern_that_matches_nothing_is_kept_as_FileNotFound()
    {
        _tree.File("a.jpg");
        var pattern = Path.Combine(_tree.Root, "*.png");

        var item = Assert.Single(InputExpander.Expand(pattern));

        Assert.Equal(DeepfakeErrorCode.FileNotFound, item.Error!.ErrorCode);
        Assert.Equal(pattern, item.Input.Source);
    }

    [Fact]
    public void Wildcards_before_the_last_segment_are_refused_clearly()
    {
        var item = Assert.Single(InputExpander.Expand(Path.Combine(_tree.Root, "*", "a.jpg")));

        Assert.Equal(DeepfakeErrorCode.InvalidInput, item.Error!.ErrorCode);
        Assert.Contains("last part", item.Error.Message);
    }

    [Fact]
    public void Missing_paths_are_kept_in_order_as_FileNotFound_failures()
    {
        var a = _tree.File("a.jpg");
        var missing = Path.Combine(_tree.Root, "gone ü [1].jpg");
        var url = "https://example.test/face.jpg";

        var items = InputExpander.Expand(new[] { a, missing, url, "" }).ToList();

        Assert.Equal(new[] { a, missing, url, "" }, items.Select(i => i.Input.Source));
        Assert.Null(items[0].Error);
        Assert.Equal(DeepfakeErrorCode.FileNotFound, items[1].Error!.ErrorCode);
        Assert.Contains(missing, items[1].Error!.Message);
        Assert.Equal(InputKind.Url, items[2].Input.Kind);
        Assert.Null(items[2].Error);
        Assert.Equal(DeepfakeErrorCode.InvalidInput, items[3].Error!.ErrorCode);
    }

    [Fact]
    public void Expansion_is_lazy()
    {
        var a = _tree.File("a.jpg");

        IEnumerable<string> Items()
        {
            yield return a;
            throw new InvalidOperationException("read past the first item");
        }

        Assert.Equal(a, InputExpander.Expand(Items()).First().Input.Source);
    }

    [Fact]
    public void A_symbolic_link_loop_is_reported_once_and_the_walk_ends()
    {
        _tree.File("a.jpg");
        _tree.File(Path.Combine("sub", "b.jpg"));
        var back = Path.Combine(_tree.Root, "sub", "back");
        Directory.CreateSymbolicLink(back, "..");
        var absolute = Path.Combine(_tree.Root, "sub", "self");
        Directory.CreateSymbolicLink(absolute, _tree.Root);

        var items = InputExpander.Expand(_tree.Root, Recurse).ToList();

        Assert.Equal(new[] { "a.jpg", Path.Combine("sub", "b.jpg") }, items.Where(i => i.Error is null).Select(i => Rel(i.Input.Source)));
        var loops = items.Where(i => i.Error != null).ToList();
        Assert.Equal(new[] { back, absolute }, loops.Select(i => i.Input.Source));
        Assert.All(loops, i => Assert.Equal(DeepfakeErrorCode.InvalidInput, i.Error!.ErrorCode));
        // The netstandard2.0 build cannot read a link's target, so it follows no directory link and says so.
        Assert.All(loops, i => Assert.Contains(CoreBuild.IsNetStandard ? "does not follow" : "loop", i.Error!.Message));
    }

    [Fact]
    public void A_file_link_to_itself_is_an_invalid_input_not_a_permission_problem()
    {
        var self = Path.Combine(_tree.Root, "loop.jpg");
        File.CreateSymbolicLink(self, self);
        var dangling = Path.Combine(_tree.Root, "dangling.jpg");
        File.CreateSymbolicLink(dangling, Path.Combine(_tree.Root, "gone.jpg"));

        var loop = Assert.Single(InputExpander.Expand(self));
        var missing = Assert.Single(InputExpander.Expand(dangling));

        if (CoreBuild.IsNetStandard)
        {
            // netstandard2.0 has no API to read a link's target: that build cannot tell the loop from any other file,
            // hands it on, and the provider's pre-flight fails it alone, naming it, without a request.
            Assert.Null(loop.Error);
            var unreadable = Assert.Throws<DeepfakeException>(() => ImagePreflight.CheckFile(self, "Test", 1024));
            Assert.Contains(self, unreadable.Message);
            Assert.Null(missing.Error);
            return;
        }

        Assert.Equal(DeepfakeErrorCode.InvalidInput, loop.Error!.ErrorCode);
        Assert.Contains("points back to itself", loop.Error.Message);
        // A link to nothing is not a loop: it goes on to the provider, which reports the file missing.
        Assert.Null(missing.Error);
    }

    [Fact]
    public void A_link_to_a_directory_outside_the_tree_is_followed_or_reported()
    {
        using var other = new TempTree();
        other.File("elsewhere.png");
        Directory.CreateSymbolicLink(Path.Combine(_tree.Root, "linked"), other.Root);

        var item = Assert.Single(InputExpander.Expand(_tree.Root, Recurse));

        if (CoreBuild.IsNetStandard)
        {
            // That build reports the link instead of following it, and says how to check what it points to.
            Assert.Equal(DeepfakeErrorCode.InvalidInput, item.Error!.ErrorCode);
            Assert.Equal(Path.Combine(_tree.Root, "linked"), item.Input.Source);
            Assert.Contains("name its target", item.Error.Message);
            return;
        }

        Assert.Null(item.Error);
        Assert.Equal(Path.Combine("linked", "elsewhere.png"), Rel(item.Input.Source));
    }

    [Theory]
    [InlineData("*.jpg", "a.jpg", true)]
    [InlineData("*.jpg", "a.jpeg", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    [InlineData("*a*b", "xxaxxbxxc", false)]
    [InlineData("[a].jpg", "[a].jpg", true)]
    [InlineData("[a].jpg", "a.jpg", false)]
    [InlineData("*", "", true)]
    public void Wildcards_match_like_a_shell(string pattern, string name, bool matches)
    {
        Assert.Equal(matches, WildcardPattern.Matches(pattern, name));
    }
}
