namespace Deepfake.Cli.Output
{
    /// <summary>Writes each item's result to stdout in one format. Called on one thread only.</summary>
    internal interface IResultWriter
    {
        /// <summary>Takes one item's result; <paramref name="index"/> is its position among the inputs.</summary>
        void Write(DeepfakeResult result, long index);

        /// <summary>Writes whatever the format holds back until the end (the JSON array's close, the table).</summary>
        void Complete();
    }
}
