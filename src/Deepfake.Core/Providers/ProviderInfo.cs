using System;

namespace Deepfake.Providers
{
    /// <summary>What a provider is, where it is, and what it returns.</summary>
    public sealed class ProviderInfo
    {
        public ProviderKind Kind { get; init; }

        public string Name => Kind.ToString();

        /// <summary>The full URL requests go to; null for the offline provider.</summary>
        public Uri? Endpoint { get; init; }

        public bool RequiresCredential { get; init; }

        public bool ReturnsScore { get; init; }

        public bool ReturnsQuality { get; init; }

        public bool ReturnsAttributes { get; init; }

        public bool ReturnsDemography { get; init; }

        public bool ReturnsEvidence { get; init; }

        /// <summary>Whether the provider fetches URL images itself (otherwise the client downloads them).</summary>
        public bool AcceptsUrl { get; init; }

        /// <summary>The largest image the provider accepts, in bytes; null when it states no limit.</summary>
        public long? MaxImageBytes { get; init; }

        /// <summary>For example <c>JPEG, PNG</c>.</summary>
        public string Formats { get; init; } = "JPEG, PNG";

        public override string ToString() => Endpoint is null ? Name : Name + " (" + Endpoint + ")";
    }
}
