using System;

namespace Deepfake.Http
{
    /// <summary>Joins a configured base address and a vendor's documented path, keeping any path the base has.</summary>
    internal static class EndpointAddress
    {
        public static Uri Combine(Uri baseUrl, string path)
        {
            var root = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
            return new Uri(root + "/" + path.TrimStart('/'), UriKind.Absolute);
        }
    }
}
