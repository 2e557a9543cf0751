using Deepfake.Campaign.Tests.Support;
using Deepfake.Sandbox;
using Xunit.Abstractions;

namespace Deepfake.Campaign.Tests;

/// <summary>
/// Every kind of bad input, alone and mixed into a batch of good images: each gets one clear outcome with the
/// right error code and names the input, and the good images in the same batch are all checked.
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int GoodItems = 12;
    private static readonly bool IsRoot = !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private readonly Workspace _workspace = new();
    private SandboxServer _sandbox = null!;

    public static TheoryData<string> Cases => new(BadInput.Names);

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _workspace.Dispose();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Alone_gets_one_clear_outcome(string name)
    {
        var input = BadInput.Create(name, _workspace, _sandbox, IsRoot);
        if (name == "unreadable" && IsRoot)
        {
            output.WriteLine("Running as root, which reads files whatever their mode: the chmod 000 file is expected to be checked normally.");
        }

        var run = await _workspace.RunAsync([.. CheckArgs(), input.Argument]);

        run.AssertNoCrashAndNoKey();
        Assert.Single(run.Outcomes);
        input.AssertOutcome(run.For(input.Argument));
        Assert.Equal(input.IsGood ? 0 : 2, run.ExitCode);
        _workspace.AssertNoKeyInFiles();
    }

    [Fact]
    public async Task Mixed_into_a_batch_of_good_images_every_input_ends_once_and_every_good_one_is_checked()
    {
        var good = Enumerable.Range(0, GoodItems).Select(i => _workspace.Photo($"good/{i:D2}.jpg")).ToList();
        var bad = BadInput.Names.Select(n => BadInput.Create(n, _workspace, _sandbox, IsRoot)).ToList();
        var args = new List<string>(CheckArgs());
        for (var i = 0; i < Math.Max(good.Count, bad.Count); i++)
        {
            if (i < good.Count) args.Add(good[i]);
            if (i < bad.Count) args.Add(bad[i].Argument);
        }

        var run = await _workspace.RunAsync([.. args]);

        run.AssertNoCrashAndNoKey();
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(good.Count + bad.Count, run.Outcomes.Count);
        Assert.All(good, g => Assert.Equal("genuine", run.For(g).Status));
        foreach (var input in bad)
        {
            input.AssertOutcome(run.For(input.Argument));
        }

        foreach (var input in bad)
        {
            var outcome = run.For(input.Argument);
            output.WriteLine($"{input.Name,-22} {outcome.Status,-9} {outcome.ErrorCode,-22} {outcome.Message}");
        }

        _workspace.AssertNoKeyInFiles();
    }

    [Fact]
    public async Task A_directory_with_a_link_loop_is_walked_once_and_the_loop_is_reported()
    {
        var tree = Path.Combine(_workspace.Images, "tree");
        var images = new[] { _workspace.Photo("tree/a.jpg"), _workspace.Photo("tree/sub/b.jpg") };
        var loop = Path.Combine(tree, "sub", "back");
        File.CreateSymbolicLink(loop, tree);

        var run = await _workspace.RunAsync([.. CheckArgs(), "--recurse", tree]);

        run.AssertNoCrashAndNoKey();
        Assert.All(images, i => Assert.Equal("genuine", run.For(i).Status));
        var reported = run.For(loop);
        Assert.Equal("failed", reported.Status);
        Assert.Equal("InvalidInput", reported.ErrorCode);
        Assert.Contains("loop", reported.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, run.Outcomes.Count);
    }

    private string[] CheckArgs() =>
        ["check", "--provider", "ooto", "--endpoint", _sandbox.BaseAddress.ToString(), "--timeout", "5", "--retries", "1", "--format", "jsonl", "--verbose"];
}
