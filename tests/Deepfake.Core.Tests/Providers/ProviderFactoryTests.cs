using Deepfake.Credentials;
using Deepfake.Ooto;
using Deepfake.Providers;
using Deepfake.Verihubs;

namespace Deepfake.Tests.Providers;

public sealed class ProviderFactoryTests
{
    [Fact]
    public void Builds_each_vendor_at_its_endpoint()
    {
        var connection = new ProviderConnection { Endpoint = new Uri("http://127.0.0.1:5080"), Credential = new ProviderCredential("a", "k"), MaxConnections = 16, MaxRetries = 0 };

        using var ooto = ProviderFactory.Create(ProviderKind.Ooto, connection);
        using var verihubs = ProviderFactory.Create(ProviderKind.Verihubs, connection);

        Assert.IsType<OotoProvider>(ooto);
        Assert.Equal("http://127.0.0.1:5080/api/v1.0/deepfake", ooto.Info.Endpoint!.AbsoluteUri);
        Assert.False(ooto.Info.AcceptsUrl);
        Assert.True(ooto.Info.ReturnsScore);
        Assert.IsType<VerihubsProvider>(verihubs);
        Assert.Equal("http://127.0.0.1:5080/v1/face/deepfake", verihubs.Info.Endpoint!.AbsoluteUri);
        Assert.True(verihubs.Info.AcceptsUrl);
        Assert.Equal(5L * 1024 * 1024, verihubs.Info.MaxImageBytes);
    }

    [Fact]
    public void Without_an_endpoint_the_production_host_is_used()
    {
        using var ooto = ProviderFactory.Create(ProviderKind.Ooto, new ProviderConnection());

        Assert.Equal("https://cloud.ooto-ai.com/api/v1.0/deepfake", ooto.Info.Endpoint!.AbsoluteUri);
    }

    [Fact]
    public void A_short_total_timeout_alone_shortens_the_attempt_timeout_but_a_contradiction_is_refused()
    {
        using var shortTotal = ProviderFactory.Create(ProviderKind.Ooto, new ProviderConnection { TotalTimeout = TimeSpan.FromSeconds(5) });
        Assert.NotNull(shortTotal);

        Assert.Throws<ArgumentException>(() => ProviderFactory.Create(ProviderKind.Ooto, new ProviderConnection { TotalTimeout = TimeSpan.FromSeconds(5), AttemptTimeout = TimeSpan.FromSeconds(10) }));
    }

    [Fact]
    public void Out_of_range_values_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProviderFactory.Create(ProviderKind.Verihubs, new ProviderConnection { MaxRetries = 11 }));
    }

    [Fact]
    public void Local_needs_no_connection()
    {
        using var provider = ProviderFactory.Create(ProviderKind.Local, new ProviderConnection());

        Assert.IsType<Deepfake.Local.LocalProvider>(provider);
        Assert.Null(provider.Info.Endpoint);
    }
}
