namespace Deepfake.Cli.Output
{
    /// <summary>Which question a run answers: the verdict (<c>check</c>) or the image quality (<c>quality</c>).</summary>
    internal enum CheckKind
    {
        Verdict,
        Quality,
    }
}
