using Deepfake.Configuration;
using Deepfake.Credentials;
using Deepfake.Providers;
using Deepfake.Tests.Support;

namespace Deepfake.Tests.Providers
{
    /// <summary>What Get-DeepfakeProvider shows, from the same settings and credential store a check resolves.</summary>
    public sealed class ProviderOverviewTests : IDisposable
    {
        private const string Key = "overview-secret-key-0123456789";
        private readonly TempConfig _config = new TempConfig();

        public void Dispose() => _config.Dispose();

        [Fact]
        public void Without_credentials_every_provider_is_listed_and_Local_is_the_default()
        {
            var all = ProviderOverview.DescribeAll(_config.Settings, _config.Credentials);

            Assert.Equal(new[] { ProviderKind.Ooto, ProviderKind.Verihubs, ProviderKind.Local }, all.Select(o => o.Kind));
            Assert.Equal(ProviderKind.Local, all.Single(o => o.IsDefault).Kind);
            Assert.All(all.Where(o => o.Kind != ProviderKind.Local), o =>
            {
                Assert.False(o.CredentialFound);
                Assert.Equal(SettingSource.BuiltIn, o.EndpointSource);
                Assert.Equal("https", o.Endpoint!.Scheme);
            });
            var local = all.Single(o => o.Kind == ProviderKind.Local);
            Assert.Null(local.Endpoint);
            Assert.False(local.RequiresCredential);
            Assert.True(local.ReturnsEvidence);
        }

        [Fact]
        public void A_session_endpoint_and_credential_show_where_they_come_from_without_the_key()
        {
            _config.Settings.SetEndpoint(ProviderKind.Ooto, new Uri("http://127.0.0.1:5080"), SettingScope.Session);
            _config.Credentials.Set(ProviderKind.Ooto, new ProviderCredential("my-app", Key), CredentialScope.Session);

            var ooto = ProviderOverview.DescribeAll(_config.Settings, _config.Credentials).Single(o => o.Kind == ProviderKind.Ooto);

            Assert.True(ooto.IsDefault);
            Assert.True(ooto.CredentialFound);
            Assert.Equal(CredentialSource.Session, ooto.CredentialSource);
            Assert.Equal(SettingSource.Session, ooto.EndpointSource);
            Assert.Equal("127.0.0.1:5080", ooto.Endpoint!.Authority);
            Assert.True(ooto.ReturnsScore);
            Assert.Contains("my-app", ooto.CredentialHint);
            Assert.Contains(Key.Substring(Key.Length - 4), ooto.CredentialHint);
            Assert.DoesNotContain(Key, ooto.CredentialHint);
        }

        [Fact]
        public void A_half_configured_environment_pair_is_reported_on_its_provider_not_thrown()
        {
            _config.Variables["DEEPFAKE_VERIHUBS_APP_ID"] = "only-the-id";

            var verihubs = ProviderOverview.DescribeAll(_config.Settings, _config.Credentials).Single(o => o.Kind == ProviderKind.Verihubs);

            Assert.False(verihubs.CredentialFound);
            Assert.Contains("DEEPFAKE_VERIHUBS_API_KEY", verihubs.CredentialProblem);
        }
    }
}
