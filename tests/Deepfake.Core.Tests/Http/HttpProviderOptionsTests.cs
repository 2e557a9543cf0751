using Deepfake.Http;
using Deepfake.Ooto;
using Deepfake.Verihubs;

namespace Deepfake.Tests.Http;

public sealed class HttpProviderOptionsTests
{
    [Fact]
    public void Defaults_are_the_named_constants_and_the_production_hosts()
    {
        var ooto = new OotoOptions();
        var verihubs = new VerihubsOptions();

        Assert.Equal(new Uri("https://cloud.ooto-ai.com"), ooto.BaseUrl);
        Assert.Equal(new Uri("https://api.verihubs.com"), verihubs.BaseUrl);
        Assert.Equal(HttpProviderOptions.DefaultMaxRetries, ooto.MaxRetries);
        Assert.Equal(3, ooto.MaxRetries);
        Assert.Equal(HttpProviderOptions.DefaultAttemptTimeout, ooto.AttemptTimeout);
        Assert.Equal(HttpProviderOptions.DefaultTotalTimeout, ooto.TotalTimeout);
        Assert.Equal(HttpProviderOptions.DefaultConnectTimeout, ooto.ConnectTimeout);
        Assert.Equal(HttpProviderOptions.DefaultMaxConnections, ooto.MaxConnections);
        Assert.Equal(OotoOptions.DefaultMaxImageBytes, ooto.MaxImageBytes);
        Assert.Equal(5L * 1024 * 1024, verihubs.MaxImageBytes);
        Assert.Same(TimeProvider.System, ooto.TimeProvider);
        Assert.Null(ooto.Credential);
        Assert.Null(ooto.Proxy);
    }

    [Fact]
    public void Out_of_range_values_are_refused_where_they_are_set()
    {
        var options = new OotoOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxRetries = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxRetries = 11);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxConnections = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.AttemptTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.TotalTimeout = Timeout.InfiniteTimeSpan);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.ConnectTimeout = Timeout.InfiniteTimeSpan);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.RetryBaseDelay = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxImageBytes = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxDownloadRedirects = 21);
        Assert.Throws<ArgumentException>(() => options.BaseUrl = new Uri("ftp://vendor.example"));
        Assert.Throws<ArgumentException>(() => options.BaseUrl = new Uri("https://vendor.example/?key=1"));
        Assert.Throws<ArgumentNullException>(() => options.TimeProvider = null!);
        options.MaxRetries = 0;
        options.MaxRetries = 10;
        Assert.Equal(10, options.MaxRetries);
    }

    [Fact]
    public void Rules_between_properties_are_checked_when_the_provider_is_built()
    {
        var options = new OotoOptions { TotalTimeout = TimeSpan.FromSeconds(5), AttemptTimeout = TimeSpan.FromSeconds(10) };

        Assert.Throws<ArgumentException>(() => new OotoProvider(options));

        options = new OotoOptions { RetryBaseDelay = TimeSpan.FromSeconds(60), RetryMaxDelay = TimeSpan.FromSeconds(10) };
        Assert.Throws<ArgumentException>(() => new OotoProvider(options));
    }

    [Fact]
    public void A_provider_keeps_the_values_it_was_built_with()
    {
        var options = new VerihubsOptions { BaseUrl = new Uri("http://127.0.0.1:1/") };
        using var provider = new VerihubsProvider(options);

        options.BaseUrl = new Uri("http://elsewhere.test/");

        Assert.Equal("http://127.0.0.1:1/v1/face/deepfake", provider.Info.Endpoint!.AbsoluteUri);
    }
}
