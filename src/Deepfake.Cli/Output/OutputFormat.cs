namespace Deepfake.Cli.Output
{
    /// <summary>How <c>check</c> and <c>quality</c> write their results to stdout.</summary>
    internal enum OutputFormat
    {
        /// <summary>An aligned table in input order, then a summary line: for people at a terminal.</summary>
        Table,

        /// <summary>One JSON array in input order, each element written as soon as the ones before it are.</summary>
        Json,

        /// <summary>One JSON object per line, written as each item finishes (the default when stdout is not a terminal).</summary>
        Jsonl,

        /// <summary>A header and one row per item, in input order, each row written as soon as the ones before it are.</summary>
        Csv,
    }
}
