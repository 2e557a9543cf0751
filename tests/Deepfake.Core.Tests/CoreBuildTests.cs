namespace Deepfake.Tests;

public sealed class CoreBuildTests
{
    [Fact]
    public void The_run_loads_the_Deepfake_Core_build_its_project_means_to_test()
    {
        Assert.NotNull(CoreBuild.Expected);
        Assert.Contains(CoreBuild.Expected, new[] { CoreBuild.NetStandard20, CoreBuild.Net80 });
        Assert.Equal(CoreBuild.Expected, CoreBuild.Framework);
    }
}
