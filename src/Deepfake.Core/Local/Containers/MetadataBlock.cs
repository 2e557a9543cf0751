namespace Deepfake.Local.Containers
{
    /// <summary>One metadata payload and the place in the file it came from, as shown to users.</summary>
    internal sealed class MetadataBlock
    {
        public MetadataBlock(byte[] bytes, string location)
        {
            Bytes = bytes;
            Location = location;
        }

        public byte[] Bytes { get; }

        /// <summary>For example <c>JPEG APP11 (JUMBF)</c> or <c>PNG iTXt "XML:com.adobe.xmp"</c>.</summary>
        public string Location { get; }
    }
}
