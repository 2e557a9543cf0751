using System;
using System.Net;
using System.Net.Http;

namespace Deepfake.Http
{
    /// <summary>
    /// The one handler a provider owns for its lifetime. Redirects are never followed automatically: the vendors'
    /// key headers would travel along to whatever host a redirect names.
    /// </summary>
    internal static class HttpHandlerFactory
    {
        /// <summary>Recycles pooled connections so a long-lived client notices DNS changes.</summary>
        public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

        public static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1);

        public static HttpMessageHandler Create(int maxConnections, TimeSpan connectTimeout, IWebProxy? proxy)
        {
#if NET
            var handler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = PooledConnectionLifetime,
                PooledConnectionIdleTimeout = PooledConnectionIdleTimeout,
                MaxConnectionsPerServer = maxConnections,
                ConnectTimeout = connectTimeout,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                UseCookies = false,
            };
#else
            // .NET Framework's handler has no connect timeout or pooled lifetime: the attempt timeout bounds a connect.
            _ = connectTimeout;
            var handler = new HttpClientHandler
            {
                MaxConnectionsPerServer = maxConnections,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
            };
            if (TlsFloor.For(ServicePointManager.SecurityProtocol) is { } protocols)
            {
                handler.SslProtocols = protocols;
            }
#endif
            if (proxy != null)
            {
                handler.Proxy = proxy;
                handler.UseProxy = true;
            }

            return handler;
        }
    }
}
