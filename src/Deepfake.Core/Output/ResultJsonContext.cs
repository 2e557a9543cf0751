using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Deepfake.Output
{
    /// <summary>
    /// Source-generated serialisation of <see cref="ResultRecord"/>: no reflection at run time, so the CLI can be
    /// trimmed or published Native AOT. Nulls are written so every report object has the same fields.
    /// </summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(ResultRecord))]
    [JsonSerializable(typeof(List<ResultRecord>))]
    public sealed partial class ResultJsonContext : JsonSerializerContext
    {
    }
}
