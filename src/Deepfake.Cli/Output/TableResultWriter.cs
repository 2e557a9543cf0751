using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Deepfake.Output;

namespace Deepfake.Cli.Output
{
    /// <summary>
    /// An aligned plain-text table for people, in input order, written when the batch ends (progress on stderr
    /// shows the run meanwhile), then one summary line. Cells are cleaned of control characters so a provider's
    /// message cannot move the cursor or recolour the terminal.
    /// </summary>
    internal sealed class TableResultWriter : IResultWriter
    {
        private const int MaxDetailWidth = 100;

        private readonly TextWriter _writer;
        private readonly CheckKind _kind;
        private readonly List<(long Index, DeepfakeResult Result)> _rows = new();

        public TableResultWriter(TextWriter writer, CheckKind kind)
        {
            _writer = writer;
            _kind = kind;
        }

        public void Write(DeepfakeResult result, long index) => _rows.Add((index, result));

        public void Complete()
        {
            var header = _kind == CheckKind.Verdict
                ? new[] { "STATUS", "SCORE", "SOURCE", "DETAIL" }
                : new[] { "QUALITY", "STATUS", "SOURCE", "DETAIL" };
            TextTable.Write(_writer, header, _rows.OrderBy(r => r.Index).Select(r => Cells(r.Result)));
            _writer.WriteLine();
            _writer.WriteLine(Summary(_rows.Select(r => r.Result).ToList()));
            _writer.Flush();
        }

        internal static string Summary(IReadOnlyCollection<DeepfakeResult> results)
        {
            var counts = Enum.GetValues<DeepfakeStatus>()
                .Select(s => (Status: s, Count: results.Count(r => r.Status == s)))
                .Where(x => x.Count > 0)
                .Select(x => x.Count.ToString(CultureInfo.InvariantCulture) + " " + ResultRecord.StatusText(x.Status));
            var noun = results.Count == 1 ? "item" : "items";
            var total = results.Count.ToString(CultureInfo.InvariantCulture) + " " + noun;
            return results.Count == 0 ? "0 items." : total + ": " + string.Join(", ", counts) + ".";
        }

        private string[] Cells(DeepfakeResult result)
        {
            var status = ResultRecord.StatusText(result.Status);
            var source = ConsoleText.Clean(result.Source);
            var detail = ConsoleText.Clean(Detail(result));
            if (detail.Length > MaxDetailWidth) detail = detail.Substring(0, MaxDetailWidth - 1) + "…";
            if (_kind == CheckKind.Verdict)
            {
                var score = result.Score?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";
                return new[] { status, score, source, detail };
            }

            var quality = result.Quality is null ? "-" : result.Quality.IsAcceptable ? "ok" : "poor";
            return new[] { quality, status, source, detail };
        }

        private string Detail(DeepfakeResult result)
        {
            if (result.ErrorCode is { } code)
            {
                return result.Message is null ? code.ToString() : code + ": " + result.Message;
            }

            if (_kind == CheckKind.Quality && result.Quality is { IsAcceptable: false } quality)
            {
                return "failed: " + string.Join(", ", quality.FailedChecks);
            }

            if (result.Evidence.Count > 0)
            {
                var first = result.Evidence[0].Kind + ": " + result.Evidence[0].Value;
                return result.Evidence.Count == 1 ? first : first + " (+" + (result.Evidence.Count - 1).ToString(CultureInfo.InvariantCulture) + " more)";
            }

            return result.Message ?? string.Empty;
        }
    }
}
