using System.IO;
using Deepfake.Output;

namespace Deepfake.Cli.Output
{
    /// <summary>One JSON object per line, flushed as each item finishes so a reader downstream sees it at once.</summary>
    internal sealed class JsonLinesResultWriter : IResultWriter
    {
        private readonly TextWriter _writer;

        public JsonLinesResultWriter(TextWriter writer)
        {
            _writer = writer;
        }

        public void Write(DeepfakeResult result, long index)
        {
            _writer.Write(ResultJson.ToJsonLine(ResultRecord.From(result, index)));
            _writer.Write('\n');
            _writer.Flush();
        }

        public void Complete() => _writer.Flush();
    }
}
