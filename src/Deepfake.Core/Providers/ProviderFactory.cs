using System;
using Deepfake.Http;
using Deepfake.Local;
using Deepfake.Ooto;
using Deepfake.Verihubs;

namespace Deepfake.Providers
{
    /// <summary>Builds a vendor provider from what the adapters resolved, so both adapters connect the same way.</summary>
    public static class ProviderFactory
    {
        /// <exception cref="ArgumentException">When a connection value is out of range.</exception>
        public static IDeepfakeProvider Create(ProviderKind kind, ProviderConnection connection)
        {
            if (connection is null) throw new ArgumentNullException(nameof(connection));
            switch (kind)
            {
                case ProviderKind.Ooto:
                    return new OotoProvider(Apply(new OotoOptions(), connection));
                case ProviderKind.Verihubs:
                    return new VerihubsProvider(Apply(new VerihubsOptions(), connection));
                case ProviderKind.Local:
                    // Offline: no endpoint, credential or network settings apply.
                    return new LocalProvider();
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown provider kind.");
            }
        }

        private static T Apply<T>(T options, ProviderConnection connection)
            where T : HttpProviderOptions
        {
            if (connection.Endpoint != null) options.BaseUrl = connection.Endpoint;
            options.Credential = connection.Credential;
            if (connection.TotalTimeout is TimeSpan total)
            {
                options.TotalTimeout = total;
                // Asking only for a short total means every attempt must fit in it too.
                if (connection.AttemptTimeout is null && options.AttemptTimeout > total) options.AttemptTimeout = total;
            }

            if (connection.AttemptTimeout is TimeSpan attempt) options.AttemptTimeout = attempt;
            if (connection.ConnectTimeout is TimeSpan connect) options.ConnectTimeout = connect;
            if (connection.MaxRetries is int retries) options.MaxRetries = retries;
            if (connection.MaxConnections is int connections) options.MaxConnections = connections;
            if (connection.TimeProvider != null) options.TimeProvider = connection.TimeProvider;
            options.Proxy = connection.Proxy;
            options.Diagnostics = connection.Diagnostics;
            return options;
        }
    }
}
