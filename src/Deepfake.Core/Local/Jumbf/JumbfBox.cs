using System.Collections.Generic;

namespace Deepfake.Local.Jumbf
{
    /// <summary>
    /// One JUMBF box (ISO/IEC 19566-5). A superbox (<c>jumb</c>) carries its description box's content type and
    /// label and its children; a content box carries its type and where its payload sits in the store.
    /// </summary>
    internal sealed class JumbfBox
    {
        public JumbfBox(string type, int payloadOffset, int payloadLength)
        {
            Type = type;
            PayloadOffset = payloadOffset;
            PayloadLength = payloadLength;
        }

        /// <summary>The four-character box type: <c>jumb</c>, <c>cbor</c>, <c>json</c>, ...</summary>
        public string Type { get; }

        public int PayloadOffset { get; }

        public int PayloadLength { get; }

        /// <summary>
        /// For a superbox, its content type: the four characters of a C2PA UUID (<c>c2pa</c>, <c>c2ma</c>, <c>c2as</c>,
        /// <c>c2cl</c>, <c>cbor</c>, ...) or the whole UUID in hex when it is not of the C2PA form.
        /// </summary>
        public string? ContentType { get; set; }

        public string? Label { get; set; }

        public List<JumbfBox> Children { get; } = new List<JumbfBox>();

        public bool IsSuperbox => Type == "jumb";

        /// <summary>The label without the <c>__N</c> suffix C2PA adds to repeated assertions.</summary>
        public string? BaseLabel
        {
            get
            {
                if (Label is null)
                {
                    return null;
                }

                var suffix = Label.LastIndexOf("__", System.StringComparison.Ordinal);
                return suffix > 0 ? Label.Substring(0, suffix) : Label;
            }
        }

        public override string ToString() => IsSuperbox ? "jumb " + ContentType + " \"" + Label + "\"" : Type;
    }
}
