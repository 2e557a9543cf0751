using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Deepfake.Verihubs
{
    /// <summary>
    /// The JSON Verihubs takes: <c>image</c> (base64 or URL) and the four documented flags, always all sent so that
    /// a request says exactly what was asked.
    /// </summary>
    internal static class VerihubsRequestBody
    {
        private static readonly byte[] ImagePrefix = Encoding.UTF8.GetBytes("{\"image\":\"");

        /// <summary>The JSON before the base64 string.</summary>
        public static byte[] Prefix => ImagePrefix;

        /// <summary>The JSON after the base64 string, from its closing quote.</summary>
        public static byte[] Suffix(CheckOptions options) =>
            Encoding.UTF8.GetBytes(
                "\",\"is_quality\":" + Json(options.IncludeQuality) +
                ",\"is_attribute\":" + Json(options.IncludeAttributes) +
                ",\"validate_quality\":" + Json(options.ValidateQuality) +
                ",\"validate_attribute\":" + Json(options.ValidateAttributes) + "}");

        /// <summary>The whole body for a URL the server fetches itself.</summary>
        public static byte[] ForUrl(Uri url, CheckOptions options)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("image", url.AbsoluteUri);
                writer.WriteBoolean("is_quality", options.IncludeQuality);
                writer.WriteBoolean("is_attribute", options.IncludeAttributes);
                writer.WriteBoolean("validate_quality", options.ValidateQuality);
                writer.WriteBoolean("validate_attribute", options.ValidateAttributes);
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private static string Json(bool value) => value ? "true" : "false";
    }
}
