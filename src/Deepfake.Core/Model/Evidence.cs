namespace Deepfake
{
    /// <summary>
    /// One thing a file declares about its own origin, found by the offline provider: what kind of declaration,
    /// its value, and where in the file it was found.
    /// </summary>
    public sealed class Evidence
    {
        public Evidence(string kind, string value, string location)
        {
            Kind = kind;
            Value = value;
            Location = location;
        }

        /// <summary>For example <c>C2PA.Action</c>, <c>IPTC.DigitalSourceType</c>, <c>Generator.Parameters</c>.</summary>
        public string Kind { get; }

        public string Value { get; }

        /// <summary>For example <c>JPEG APP11 JUMBF</c>, <c>XMP</c>, <c>PNG tEXt 'parameters'</c>.</summary>
        public string Location { get; }

        public override string ToString() => Kind + ": " + Value + " (" + Location + ")";
    }
}
