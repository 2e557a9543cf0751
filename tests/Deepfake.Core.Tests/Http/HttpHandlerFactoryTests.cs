using System.Net;
using System.Net.Http;
using Deepfake.Http;

namespace Deepfake.Tests.Http;

public sealed class HttpHandlerFactoryTests
{
    [Fact]
    public void The_net8_handler_pools_to_the_callers_concurrency_and_follows_no_redirect()
    {
        var proxy = new WebProxy("http://proxy.test:3128");

        using var handler = Assert.IsType<SocketsHttpHandler>(HttpHandlerFactory.Create(24, TimeSpan.FromSeconds(7), proxy));

        Assert.False(handler.AllowAutoRedirect);
        Assert.Equal(24, handler.MaxConnectionsPerServer);
        Assert.Equal(TimeSpan.FromSeconds(7), handler.ConnectTimeout);
        Assert.Equal(HttpHandlerFactory.PooledConnectionLifetime, handler.PooledConnectionLifetime);
        Assert.Equal(DecompressionMethods.All, handler.AutomaticDecompression);
        Assert.False(handler.UseCookies);
        Assert.Same(proxy, handler.Proxy);
        Assert.True(handler.UseProxy);
    }
}
