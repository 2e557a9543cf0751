using System.Collections.Generic;
using System.IO;
using System.Linq;
using Deepfake.Output;

namespace Deepfake.Cli.Output
{
    /// <summary>
    /// Holds the rows back and writes them in input order when the batch ends, so two nightly reports over the
    /// same folder diff line by line. The header is written even when there is no row.
    /// </summary>
    internal sealed class CsvResultWriter : IResultWriter
    {
        private readonly TextWriter _writer;
        private readonly List<(long Index, DeepfakeResult Result)> _rows = new();

        public CsvResultWriter(TextWriter writer)
        {
            _writer = writer;
        }

        public void Write(DeepfakeResult result, long index) => _rows.Add((index, result));

        public void Complete()
        {
            ResultCsv.WriteHeader(_writer);
            foreach (var row in _rows.OrderBy(r => r.Index))
            {
                ResultCsv.WriteRow(_writer, row.Result, row.Index);
            }

            _writer.Flush();
        }
    }
}
