using System;
using System.Collections.Generic;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.IO;
using MetadataExtractor.Formats.Xmp;
using XmpCore;

namespace Deepfake.Local.Containers
{
    /// <summary>
    /// The one boundary around the library parsers (MetadataExtractor, XmpCore). On malformed input they throw more
    /// than their documented exceptions (XmpCore throws InvalidCastException on some broken RDF), and a broken
    /// metadata block must cost only that block, never the file's other evidence or the batch.
    /// </summary>
    internal static class LibraryParsers
    {
        public static IXmpMeta? ParseXmp(byte[] xml, out string? error)
        {
            try
            {
                var directory = new XmpReader().Extract(xml);
                error = directory.XmpMeta is null ? "not well-formed XMP" : null;
                return directory.XmpMeta;
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                error = "not well-formed XMP: " + e.GetType().Name;
                return null;
            }
        }

        public static IReadOnlyList<MetadataExtractor.Directory>? ParseExif(byte[] tiff, out string? error)
        {
            try
            {
                error = null;
                return new ExifReader().Extract(new ByteArrayReader(tiff));
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                error = "unreadable EXIF: " + e.Message;
                return null;
            }
        }
    }
}
