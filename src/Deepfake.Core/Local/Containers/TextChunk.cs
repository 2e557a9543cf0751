namespace Deepfake.Local.Containers
{
    /// <summary>A decoded PNG text chunk (tEXt, zTXt or iTXt).</summary>
    internal sealed class TextChunk
    {
        public TextChunk(string keyword, string text, string location)
        {
            Keyword = keyword;
            Text = text;
            Location = location;
        }

        public string Keyword { get; }

        public string Text { get; }

        /// <summary>For example <c>PNG tEXt "parameters"</c>.</summary>
        public string Location { get; }
    }
}
