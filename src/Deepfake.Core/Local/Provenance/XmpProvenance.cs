using System.Collections.Generic;
using Deepfake.Local.Containers;
using XmpCore;

namespace Deepfake.Local.Provenance
{
    /// <summary>
    /// Reads the IPTC Extension properties about origin from an XMP packet (parsed by MetadataExtractor/XmpCore):
    /// Iptc4xmpExt:DigitalSourceType and the IPTC 2025.1 AI properties (AISystemUsed, AISystemVersionUsed,
    /// AIPromptInformation, AIPromptWriterName), plus xmp:CreatorTool when it names an image generator.
    /// </summary>
    internal static class XmpProvenance
    {
        internal const string IptcExtNamespace = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
        internal const string XmpBasicNamespace = "http://ns.adobe.com/xap/1.0/";

        public static IEnumerable<Finding> Read(MetadataBlock packet, List<string> skipped)
        {
            var meta = LibraryParsers.ParseXmp(packet.Bytes, out var error);
            if (meta is null)
            {
                skipped.Add(packet.Location + " (" + error + ")");
                yield break;
            }

            var location = packet.Location;
            var sourceType = Value(meta, IptcExtNamespace, "DigitalSourceType");
            if (sourceType != null)
            {
                var code = DigitalSourceTypes.ShortCode(sourceType);
                yield return new Finding("IPTC.DigitalSourceType", code, location, DigitalSourceTypes.Classify(sourceType), "declares " + code + " via IPTC XMP");
            }

            var system = Value(meta, IptcExtNamespace, "AISystemUsed");
            if (system != null)
            {
                yield return new Finding("IPTC.AISystemUsed", Excerpt.Of(system), location, Declaration.Synthetic, "names the AI system " + Excerpt.Of(system, 40) + " via IPTC XMP");
            }

            var version = Value(meta, IptcExtNamespace, "AISystemVersionUsed");
            if (version != null)
            {
                yield return new Finding("IPTC.AISystemVersionUsed", Excerpt.Of(version), location, Declaration.Synthetic);
            }

            var prompt = Value(meta, IptcExtNamespace, "AIPromptInformation");
            if (prompt != null)
            {
                yield return new Finding("IPTC.AIPromptInformation", Excerpt.Of(prompt), location, Declaration.Synthetic, "carries an AI prompt via IPTC XMP");
            }

            var writer = Value(meta, IptcExtNamespace, "AIPromptWriterName");
            if (writer != null)
            {
                yield return new Finding("IPTC.AIPromptWriterName", Excerpt.Of(writer), location, Declaration.None);
            }

            var tool = Value(meta, XmpBasicNamespace, "CreatorTool");
            var generator = KnownGenerators.Find(tool);
            if (generator != null)
            {
                yield return new Finding("Generator.Software", Excerpt.Of(tool!), location + " xmp:CreatorTool", Declaration.Synthetic, "names the generator " + generator + " in xmp:CreatorTool");
            }
        }

        /// <summary>A simple property's value, or the first item of an array or language alternative.</summary>
        private static string? Value(IXmpMeta meta, string ns, string name)
        {
            try
            {
                var property = meta.GetProperty(ns, name);
                if (property is null)
                {
                    return null;
                }

                var value = property.Options.IsArray ? meta.GetArrayItem(ns, name, 1)?.Value : property.Value;
                return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
            }
            catch (XmpException)
            {
                return null;
            }
        }
    }
}
