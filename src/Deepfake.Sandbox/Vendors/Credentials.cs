using Microsoft.AspNetCore.Http;

namespace Deepfake.Sandbox.Vendors;

/// <summary>Header checks: any non-empty pair passes unless the options pin one. Values are never logged or echoed.</summary>
internal static class Credentials
{
    public static bool Accept(HttpRequest request, string idHeader, string keyHeader, string? pinnedId, string? pinnedKey)
    {
        var id = request.Headers[idHeader].ToString();
        var key = request.Headers[keyHeader].ToString();
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        return (pinnedId is null || string.Equals(id, pinnedId, StringComparison.Ordinal))
            && (pinnedKey is null || string.Equals(key, pinnedKey, StringComparison.Ordinal));
    }
}
