using System.Collections.Generic;
using System.IO;
using System.Linq;
using Deepfake.Output;

namespace Deepfake.Cli.Output
{
    /// <summary>Holds the results back and writes one JSON array in input order when the batch ends.</summary>
    internal sealed class JsonArrayResultWriter : IResultWriter
    {
        private readonly TextWriter _writer;
        private readonly List<ResultRecord> _records = new();

        public JsonArrayResultWriter(TextWriter writer)
        {
            _writer = writer;
        }

        public void Write(DeepfakeResult result, long index) => _records.Add(ResultRecord.From(result, index));

        public void Complete()
        {
            ResultJson.WriteArray(_writer, _records.OrderBy(r => r.Index));
            _writer.Flush();
        }
    }
}
