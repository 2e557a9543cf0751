namespace Deepfake.Tests;

public sealed class CoreBuildTests
{
    [Fact]
    public void The_run_loads_the_Deepfake_Core_build_its_project_means_to_test()
    {
        Assert.True(CoreBuild.Expected.TryGetValue("Deepfake.Core", out var expected), "the test project names the Deepfake.Core build it tests");
        Assert.Contains(expected, new[] { CoreBuild.NetStandard20, CoreBuild.Net80 });
        Assert.Equal(expected, CoreBuild.Framework);
    }

    [Fact]
    public void Every_assembly_the_project_pins_to_a_build_is_loaded_from_that_build()
    {
        foreach (var pinned in CoreBuild.Expected)
        {
            Assert.Equal((pinned.Key, pinned.Value), (pinned.Key, CoreBuild.FrameworkOf(pinned.Key)));
        }
    }
}
