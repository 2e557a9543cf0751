namespace Deepfake.Tests.NativeAot
{
    /// <summary>The theory form of <see cref="NativeAotFactAttribute"/>: skipped, with the reason, on the same machines.</summary>
    public sealed class NativeAotTheoryAttribute : TheoryAttribute
    {
        public NativeAotTheoryAttribute()
        {
            if (NativeAotToolchain.MissingReason is { } reason) Skip = reason;
        }
    }
}
