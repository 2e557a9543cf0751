namespace Deepfake.Configuration
{
    /// <summary>A setting's value with where it came from and why, for the adapters' verbose output.</summary>
    public sealed class ResolvedSetting<T>
    {
        public ResolvedSetting(T value, SettingSource source, string reason)
        {
            Value = value;
            Source = source;
            Reason = reason;
        }

        public T Value { get; }

        public SettingSource Source { get; }

        /// <summary>A sentence such as "Local: no vendor credential is configured".</summary>
        public string Reason { get; }

        public override string ToString() => Reason;
    }
}
