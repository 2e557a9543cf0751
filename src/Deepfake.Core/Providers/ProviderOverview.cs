using System;
using System.Collections.Generic;
using Deepfake.Configuration;
using Deepfake.Credentials;

namespace Deepfake.Providers
{
    /// <summary>
    /// One provider as this session would use it now: where requests go and why, whether a credential is found and
    /// where, whether it is the default, what it returns and its limits. Never holds a key.
    /// </summary>
    public sealed class ProviderOverview
    {
        private ProviderOverview(ProviderInfo info, ResolvedSetting<Uri>? endpoint, FoundCredential? credential, string? credentialProblem, bool isDefault)
        {
            Info = info;
            Endpoint = info.Endpoint;
            EndpointSource = endpoint?.Source;
            CredentialFound = credential != null;
            CredentialSource = credential?.Source;
            CredentialHint = credential?.Credential.ToString();
            CredentialProblem = credentialProblem;
            IsDefault = isDefault;
        }

        public ProviderKind Kind => Info.Kind;

        public string Name => Info.Name;

        /// <summary>The full URL checks are sent to; null for the offline provider.</summary>
        public Uri? Endpoint { get; }

        /// <summary>Which setting chose the endpoint; null for the offline provider.</summary>
        public SettingSource? EndpointSource { get; }

        public bool IsDefault { get; }

        public bool RequiresCredential => Info.RequiresCredential;

        public bool CredentialFound { get; }

        public CredentialSource? CredentialSource { get; }

        /// <summary>The App ID and the key's last characters, e.g. <c>my-app (key …a1b2)</c>.</summary>
        public string? CredentialHint { get; }

        /// <summary>Why the credential that should be used cannot be (half an environment pair, an unreadable file).</summary>
        public string? CredentialProblem { get; }

        public bool ReturnsScore => Info.ReturnsScore;

        public bool ReturnsQuality => Info.ReturnsQuality;

        public bool ReturnsAttributes => Info.ReturnsAttributes;

        public bool ReturnsDemography => Info.ReturnsDemography;

        public bool ReturnsEvidence => Info.ReturnsEvidence;

        public bool AcceptsUrl => Info.AcceptsUrl;

        public long? MaxImageBytes => Info.MaxImageBytes;

        public string Formats => Info.Formats;

        public ProviderInfo Info { get; }

        /// <summary>Every provider, described with the settings and credentials given.</summary>
        public static IReadOnlyList<ProviderOverview> DescribeAll(DeepfakeSettings settings, CredentialStore credentials)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            if (credentials is null) throw new ArgumentNullException(nameof(credentials));

            ProviderKind? defaultKind;
            try
            {
                defaultKind = settings.ResolveDefaultProvider(credentials).Value;
            }
            catch (DeepfakeException)
            {
                // A misconfigured credential is reported on its own provider below.
                defaultKind = null;
            }

            var overviews = new List<ProviderOverview>();
            foreach (var kind in new[] { ProviderKind.Ooto, ProviderKind.Verihubs, ProviderKind.Local })
            {
                overviews.Add(Describe(kind, settings, credentials, kind == defaultKind));
            }

            return overviews;
        }

        private static ProviderOverview Describe(ProviderKind kind, DeepfakeSettings settings, CredentialStore credentials, bool isDefault)
        {
            if (kind == ProviderKind.Local)
            {
                using var local = ProviderFactory.Create(kind, new ProviderConnection());
                return new ProviderOverview(local.Info, null, null, null, isDefault);
            }

            var endpoint = settings.ResolveEndpoint(kind);
            FoundCredential? credential = null;
            string? problem = null;
            try
            {
                credential = credentials.Find(kind);
            }
            catch (DeepfakeException e)
            {
                problem = e.Message;
            }

            // Building a vendor provider opens no connection; it is the one source of its endpoint URL and limits.
            using var provider = ProviderFactory.Create(kind, new ProviderConnection { Endpoint = endpoint.Value });
            return new ProviderOverview(provider.Info, endpoint, credential, problem, isDefault);
        }

        public override string ToString() => Info.ToString();
    }
}
