using System;

namespace Deepfake.Credentials
{
    /// <summary>
    /// An App ID and its secret key. The key is reachable only inside the core, which puts it in the documented
    /// header and nowhere else; <see cref="ToString"/> and <see cref="KeyHint"/> never show it.
    /// </summary>
    public sealed class ProviderCredential
    {
        private const int HintLength = 4;

        public ProviderCredential(string appId, string key)
        {
            if (string.IsNullOrWhiteSpace(appId)) throw new ArgumentException("The App ID must not be empty.", nameof(appId));
            if (string.IsNullOrEmpty(key)) throw new ArgumentException("The key must not be empty.", nameof(key));
            AppId = appId;
            Key = key;
        }

        public string AppId { get; }

        internal string Key { get; }

        /// <summary>The key's last characters behind an ellipsis, enough to tell two keys apart; never the whole key.</summary>
        public string KeyHint => Key.Length <= HintLength * 2 ? "****" : "…" + Key.Substring(Key.Length - HintLength);

        public override string ToString() => AppId + " (key " + KeyHint + ")";
    }
}
