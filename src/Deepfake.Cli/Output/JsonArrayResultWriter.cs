using System.IO;
using Deepfake.Output;

namespace Deepfake.Cli.Output
{
    /// <summary>
    /// Writes one indented JSON array in input order, each element as soon as the ones before it are written, so a
    /// long batch's report is neither held in memory nor delayed to the end. The text is exactly what
    /// <see cref="ResultJson.WriteArray"/> writes for the whole array at once; <c>[</c> waits for the first element,
    /// so a run that fails before checking anything writes nothing.
    /// </summary>
    internal sealed class JsonArrayResultWriter : IResultWriter
    {
        private readonly TextWriter _writer;
        private readonly InputOrder<ResultRecord> _order;
        private string? _newLine;

        public JsonArrayResultWriter(TextWriter writer)
        {
            _writer = writer;
            _order = new InputOrder<ResultRecord>(WriteElement);
        }

        public void Write(DeepfakeResult result, long index)
        {
            if (_order.Add(index, ResultRecord.From(result, index))) _writer.Flush();
        }

        public void Complete()
        {
            _order.ReleaseRemaining();
            _writer.Write(_newLine is null ? "[]" : _newLine + "]");
            _writer.WriteLine();
            _writer.Flush();
        }

        private void WriteElement(ResultRecord record)
        {
            // An array of one, written by the same serializer as the whole array, is "[", line break, the element
            // indented one level, line break, "]": the element and its separators exactly as they appear in a longer one.
            var one = new StringWriter();
            ResultJson.WriteArray(one, new[] { record });
            var text = one.ToString();
            var inner = text.Substring(1, text.LastIndexOf(']') - 1);
            // The element's lines start with its indentation, so the line break is what comes before the first space.
            var newLine = inner.Substring(0, inner.IndexOf(' '));
            _writer.Write(_newLine is null ? "[" : ",");
            _writer.Write(inner.Substring(0, inner.Length - newLine.Length));
            _newLine = newLine;
        }
    }
}
