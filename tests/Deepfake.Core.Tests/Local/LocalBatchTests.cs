using System.IO;
using Deepfake.Batch;
using Deepfake.Local;

namespace Deepfake.Tests.Local;

/// <summary>The Local provider through the batch engine: one outcome per input, bad inputs costing only themselves.</summary>
public sealed class LocalBatchTests : IDisposable
{
    private readonly TempFiles _files = new TempFiles();

    [Fact]
    public async Task A_mixed_folder_gives_one_outcome_per_input()
    {
        var samples = Directory.GetFiles(Path.Combine(TempFiles.RepositoryRoot(), "samples"), "*.*").Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).OrderBy(f => f).ToList();
        var empty = _files.Write("empty.png", System.Array.Empty<byte>());
        var missing = Path.Combine(_files.Folder, "missing.jpg");
        var inputs = samples.Append(empty).Append(missing).ToList();

        using var provider = new LocalProvider();
        using var batch = new DeepfakeBatch(provider, CheckOptions.Default, new BatchOptions { MaxConcurrency = 2 });
        foreach (var path in inputs)
        {
            batch.Add(DeepfakeInput.FromFile(path));
        }

        batch.Complete();
        var outcomes = new List<BatchOutcome>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await foreach (var outcome in batch.ReadAllAsync(timeout.Token))
        {
            outcomes.Add(outcome);
        }

        Assert.Equal(inputs.Count, outcomes.Count);
        Assert.Equal(inputs.OrderBy(p => p), outcomes.Select(o => o.Input.Source).OrderBy(p => p));
        var byName = outcomes.ToDictionary(o => Path.GetFileName(o.Input.Source));
        Assert.Equal(5, byName.Values.Count(o => o.Result.Status == DeepfakeStatus.Deepfake));
        Assert.Equal(DeepfakeStatus.Inconclusive, byName["photo-no-declarations.jpg"].Result.Status);
        Assert.Equal(DeepfakeErrorCode.EmptyImage, byName["empty.png"].Result.ErrorCode);
        Assert.Null(byName["empty.png"].Error);
        Assert.Equal(DeepfakeErrorCode.FileNotFound, byName["missing.jpg"].Error?.ErrorCode);
        Assert.Equal(DeepfakeStatus.Failed, byName["missing.jpg"].Result.Status);
    }

    public void Dispose() => _files.Dispose();
}
