namespace Deepfake.Local.Provenance
{
    /// <summary>One piece of evidence with what it declares and how the result's message should phrase it.</summary>
    internal sealed class Finding
    {
        public Finding(string kind, string value, string location, Declaration declaration, string? summary = null)
        {
            Evidence = new Evidence(kind, value, location);
            Declaration = declaration;
            Summary = summary;
        }

        public Evidence Evidence { get; }

        public Declaration Declaration { get; }

        /// <summary>For example <c>declares trainedAlgorithmicMedia via C2PA (signature not verified)</c>.</summary>
        public string? Summary { get; }
    }
}
