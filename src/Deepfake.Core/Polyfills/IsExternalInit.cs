#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    // Lets netstandard2.0 compile init-only setters; the runtime ignores the marker type.
    internal static class IsExternalInit
    {
    }
}
#endif
