using System.IO;
using Deepfake.Output;

namespace Deepfake.Cli.Output
{
    /// <summary>
    /// Writes the rows in input order, each as soon as the ones before it are written, so two nightly reports over
    /// the same folder diff line by line without the batch being held in memory: a row that finished early waits
    /// as its text, not as the vendor's result. The header comes with the first row, or alone at the end when
    /// there is none, so a run that fails before checking anything writes nothing.
    /// </summary>
    internal sealed class CsvResultWriter : IResultWriter
    {
        private readonly TextWriter _writer;
        private readonly InputOrder<string> _order;
        private bool _headerWritten;

        public CsvResultWriter(TextWriter writer)
        {
            _writer = writer;
            _order = new InputOrder<string>(WriteRow);
        }

        public void Write(DeepfakeResult result, long index)
        {
            var row = new StringWriter();
            ResultCsv.WriteRow(row, result, index);
            if (_order.Add(index, row.ToString())) _writer.Flush();
        }

        public void Complete()
        {
            _order.ReleaseRemaining();
            WriteHeaderOnce();
            _writer.Flush();
        }

        private void WriteRow(string row)
        {
            WriteHeaderOnce();
            _writer.Write(row);
        }

        private void WriteHeaderOnce()
        {
            if (_headerWritten) return;
            ResultCsv.WriteHeader(_writer);
            _headerWritten = true;
        }
    }
}
