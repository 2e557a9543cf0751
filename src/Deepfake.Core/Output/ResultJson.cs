using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Deepfake.Output
{
    /// <summary>Writes <see cref="ResultRecord"/>s as a JSON array or as JSON Lines.</summary>
    public static class ResultJson
    {
        // Reports go to files and pipes, never into HTML: keep non-ASCII paths and messages readable.
        private static readonly ResultJsonContext Compact = new ResultJsonContext(new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

        private static readonly ResultJsonContext Indented = new ResultJsonContext(new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = true,
        });

        /// <summary>One record as a single line of JSON, without the line break.</summary>
        public static string ToJsonLine(ResultRecord record)
        {
            if (record is null) throw new ArgumentNullException(nameof(record));
            return JsonSerializer.Serialize(record, Compact.ResultRecord);
        }

        /// <summary>Writes <paramref name="records"/> as one indented JSON array, in the order given.</summary>
        public static void WriteArray(TextWriter writer, IEnumerable<ResultRecord> records)
        {
            if (writer is null) throw new ArgumentNullException(nameof(writer));
            if (records is null) throw new ArgumentNullException(nameof(records));
            writer.Write(JsonSerializer.Serialize(new List<ResultRecord>(records), Indented.ListResultRecord));
            writer.WriteLine();
        }
    }
}
