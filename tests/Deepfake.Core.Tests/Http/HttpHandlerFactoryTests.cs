using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using Deepfake.Http;

namespace Deepfake.Tests.Http;

public sealed class HttpHandlerFactoryTests
{
    [Fact]
    public void The_handler_pools_to_the_callers_concurrency_and_follows_no_redirect()
    {
        var proxy = new WebProxy("http://proxy.test:3128");

        using var handler = HttpHandlerFactory.Create(24, TimeSpan.FromSeconds(7), proxy);

        if (CoreBuild.IsNetStandard)
        {
            // The Windows PowerShell 5.1 build: .NET Framework has no SocketsHttpHandler, and its HttpClientHandler
            // has no connect timeout or pooled lifetime (the attempt timeout bounds a connect), nor Brotli.
            var classic = Assert.IsType<HttpClientHandler>(handler);
            Assert.False(classic.AllowAutoRedirect);
            Assert.Equal(24, classic.MaxConnectionsPerServer);
            Assert.Equal(DecompressionMethods.GZip | DecompressionMethods.Deflate, classic.AutomaticDecompression);
            Assert.False(classic.UseCookies);
            Assert.Same(proxy, classic.Proxy);
            Assert.True(classic.UseProxy);
            return;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.False(sockets.AllowAutoRedirect);
        Assert.Equal(24, sockets.MaxConnectionsPerServer);
        Assert.Equal(TimeSpan.FromSeconds(7), sockets.ConnectTimeout);
        Assert.Equal(HttpHandlerFactory.PooledConnectionLifetime, sockets.PooledConnectionLifetime);
        Assert.Equal(DecompressionMethods.All, sockets.AutomaticDecompression);
        Assert.False(sockets.UseCookies);
        Assert.Same(proxy, sockets.Proxy);
        Assert.True(sockets.UseProxy);
    }

    [Fact]
    public void A_process_limited_to_TLS_1_0_gets_TLS_1_2_on_our_handler_and_keeps_its_own_setting()
    {
#pragma warning disable SYSLIB0014 // ServicePointManager: what .NET Framework's handler reads, set here as powershell.exe would have it
        var before = ServicePointManager.SecurityProtocol;
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;
        try
        {
            using var handler = HttpHandlerFactory.Create(4, TimeSpan.FromSeconds(7), proxy: null);

            if (CoreBuild.IsNetStandard)
            {
                Assert.Equal(SslProtocols.Tls12, Assert.IsType<HttpClientHandler>(handler).SslProtocols);
            }
            else
            {
                // .NET 8 ignores ServicePointManager: the operating system's choice stands.
                Assert.Equal(SslProtocols.None, Assert.IsType<SocketsHttpHandler>(handler).SslOptions.EnabledSslProtocols);
            }

            Assert.Equal(SecurityProtocolType.Tls, ServicePointManager.SecurityProtocol);
        }
        finally
        {
            ServicePointManager.SecurityProtocol = before;
        }
#pragma warning restore SYSLIB0014
    }
}
