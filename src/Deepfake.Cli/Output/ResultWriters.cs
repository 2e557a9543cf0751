using System;
using System.IO;

namespace Deepfake.Cli.Output
{
    /// <summary>Picks the writer for a format, and the format when the user gave none.</summary>
    internal static class ResultWriters
    {
        public static IResultWriter Create(OutputFormat format, TextWriter stdout, CheckKind kind) => format switch
        {
            OutputFormat.Table => new TableResultWriter(stdout, kind),
            OutputFormat.Json => new JsonArrayResultWriter(stdout),
            OutputFormat.Jsonl => new JsonLinesResultWriter(stdout),
            OutputFormat.Csv => new CsvResultWriter(stdout),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };

        /// <summary>A table for people at a terminal; JSON Lines when stdout goes to a file, a pipe or cron's mail.</summary>
        public static OutputFormat DefaultFor(bool stdoutIsTerminal) => stdoutIsTerminal ? OutputFormat.Table : OutputFormat.Jsonl;
    }
}
