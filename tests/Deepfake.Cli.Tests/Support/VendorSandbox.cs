using Deepfake.Sandbox;

namespace Deepfake.Tests.Support
{
    /// <summary>
    /// The vendor emulator hosted in this test process on a free loopback port, with pinned, distinctive
    /// credentials that tests grep every output for.
    /// </summary>
    public sealed class VendorSandbox : IAsyncDisposable
    {
        public const string OotoAppId = "cli-ooto-app";
        public const string OotoKey = "OOTOKEY-Qz7u2-DO-NOT-LEAK-81bd";
        public const string VerihubsAppId = "cli-vh-app";
        public const string VerihubsKey = "VHKEY-Lm4p9-DO-NOT-LEAK-c03e";

        private VendorSandbox(SandboxServer server)
        {
            Server = server;
        }

        public SandboxServer Server { get; }

        /// <summary>The base URL the CLI is given (the documented vendor path is appended by the provider).</summary>
        public string BaseUrl => Server.BaseAddress.ToString();

        public static async Task<VendorSandbox> StartAsync(Action<SandboxOptions>? configure = null)
        {
            var options = new SandboxOptions
            {
                OotoAppId = OotoAppId,
                OotoAppKey = OotoKey,
                VerihubsAppId = VerihubsAppId,
                VerihubsApiKey = VerihubsKey,
            };
            configure?.Invoke(options);
            return new VendorSandbox(await SandboxServer.StartAsync(options));
        }

        /// <summary>OOTO credential from the environment; the endpoint is passed with --endpoint by the test.</summary>
        public static CliRunner WithOotoKey(CliRunner cli, string key = OotoKey) =>
            cli.With("DEEPFAKE_OOTO_APP_ID", OotoAppId).With("DEEPFAKE_OOTO_APP_KEY", key);

        /// <summary>Verihubs credential and endpoint, both from the environment.</summary>
        public CliRunner WithVerihubs(CliRunner cli) =>
            cli.With("DEEPFAKE_VERIHUBS_APP_ID", VerihubsAppId).With("DEEPFAKE_VERIHUBS_API_KEY", VerihubsKey).With("DEEPFAKE_VERIHUBS_ENDPOINT", BaseUrl);

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
