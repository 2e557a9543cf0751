using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Deepfake.Output
{
    /// <summary>
    /// Writes results as RFC 4180 CSV: one header, one row per result, only scalar columns. Compound values
    /// (landmarks, quality, evidence) are written through the model's own <c>ToString()</c>, the same text
    /// PowerShell's Export-Csv shows, so both adapters' spreadsheets read alike.
    /// </summary>
    public static class ResultCsv
    {
        /// <summary>The column names, in order.</summary>
        public static readonly IReadOnlyList<string> Columns = new[]
        {
            "index", "source", "provider", "status", "isDeepfake", "score", "threshold", "errorCode", "providerCode",
            "message", "transactionId", "httpStatus", "providerStatus", "faceCount", "rotation", "faceX", "faceY",
            "faceWidth", "faceHeight", "landmarks", "qualityAcceptable", "qualityFailedChecks", "quality", "attributes",
            "demography", "evidence", "timestamp", "attempts", "elapsedMs",
        };

        public static void WriteHeader(TextWriter writer)
        {
            if (writer is null) throw new ArgumentNullException(nameof(writer));
            writer.Write(string.Join(",", Columns));
            writer.Write("\r\n");
        }

        /// <summary>Writes one row; <paramref name="index"/> is the input's position in the batch, when known.</summary>
        public static void WriteRow(TextWriter writer, DeepfakeResult result, long? index = null)
        {
            if (writer is null) throw new ArgumentNullException(nameof(writer));
            if (result is null) throw new ArgumentNullException(nameof(result));
            var box = result.Face?.Box;
            var fields = new[]
            {
                index?.ToString(CultureInfo.InvariantCulture),
                result.Source,
                result.Provider,
                ResultRecord.StatusText(result.Status),
                Bool(result.IsDeepfake),
                Number(result.Score),
                Number(result.Threshold),
                result.ErrorCode?.ToString(),
                result.ProviderCode,
                result.Message,
                result.TransactionId,
                result.HttpStatus?.ToString(CultureInfo.InvariantCulture),
                result.ProviderStatus,
                result.FaceCount?.ToString(CultureInfo.InvariantCulture),
                result.Rotation?.ToString(CultureInfo.InvariantCulture),
                Number(box?.X),
                Number(box?.Y),
                Number(box?.Width),
                Number(box?.Height),
                result.Face is null || result.Face.Landmarks.Count == 0 ? null : result.Face.Landmarks.ToString(),
                Bool(result.Quality?.IsAcceptable),
                result.Quality?.FailedChecks.ToString(),
                result.Quality?.ToString(),
                result.Attributes?.ToString(),
                result.Demography?.ToString(),
                result.Evidence.Count == 0 ? null : result.Evidence.ToString(),
                result.Timestamp?.ToString("o", CultureInfo.InvariantCulture),
                result.Attempts.ToString(CultureInfo.InvariantCulture),
                Number(result.ElapsedMs),
            };

            var line = new StringBuilder();
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0) line.Append(',');
                AppendField(line, fields[i]);
            }

            line.Append("\r\n");
            writer.Write(line.ToString());
        }

        /// <summary>Quotes a field when it holds a separator, a quote, a line break or edge spaces (RFC 4180).</summary>
        internal static void AppendField(StringBuilder line, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            var needsQuotes = value!.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0
                || char.IsWhiteSpace(value[0])
                || char.IsWhiteSpace(value[value.Length - 1]);
            if (!needsQuotes)
            {
                line.Append(value);
                return;
            }

            line.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
        }

        private static string? Bool(bool? value) => value.HasValue ? (value.Value ? "true" : "false") : null;

        private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
    }
}
