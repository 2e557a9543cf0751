namespace Deepfake.Tests.NativeAot
{
    /// <summary>
    /// A fact about the published native executable, skipped with what to install when this machine cannot build it,
    /// so that a machine without clang or zlib says so instead of passing silently.
    /// </summary>
    public sealed class NativeAotFactAttribute : FactAttribute
    {
        public NativeAotFactAttribute()
        {
            if (NativeAotToolchain.MissingReason is { } reason) Skip = reason;
        }
    }
}
