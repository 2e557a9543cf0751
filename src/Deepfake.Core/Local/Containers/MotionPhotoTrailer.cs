using System.Collections.Generic;
using XmpCore;

namespace Deepfake.Local.Containers
{
    /// <summary>
    /// The length of the data a JPEG's XMP says follows its EOI: Google's motion photos (Container:Directory items
    /// after the primary image, with the primary's padding) and the older GCamera:MicroVideoOffset. Such files end in
    /// a video, not an EOI, and are not truncated.
    /// </summary>
    internal static class MotionPhotoTrailer
    {
        private const string ContainerNamespace = "http://ns.google.com/photos/1.0/container/";
        private const string ItemNamespace = "http://ns.google.com/photos/1.0/container/item/";
        private const string CameraNamespace = "http://ns.google.com/photos/1.0/camera/";

        /// <summary>The declared trailer lengths to try (each a candidate distance of EOI from the end of the file).</summary>
        public static IEnumerable<long> DeclaredLengths(IEnumerable<MetadataBlock> xmpPackets)
        {
            foreach (var packet in xmpPackets)
            {
                var meta = LibraryParsers.ParseXmp(packet.Bytes, out _);
                if (meta is null)
                {
                    continue;
                }

                if (Number(meta, CameraNamespace, "MicroVideoOffset") is long offset)
                {
                    yield return offset;
                }

                long trailer = 0;
                var count = Count(meta);
                for (var i = 1; i <= count; i++)
                {
                    // The primary image's padding, then every later item's length, lie between EOI and the file's end.
                    var item = XmpPathFactory.ComposeArrayItemPath("Directory", i) + XmpPathFactory.ComposeStructFieldPath(ContainerNamespace, "Item");
                    trailer += Field(meta, item, i == 1 ? "Padding" : "Length") ?? 0;
                }

                if (trailer > 0)
                {
                    yield return trailer;
                }
            }
        }

        static MotionPhotoTrailer()
        {
            // Paths into these structures need registered prefixes; the names are the ones Google's spec uses.
            XmpMetaFactory.SchemaRegistry.RegisterNamespace(ContainerNamespace, "Container");
            XmpMetaFactory.SchemaRegistry.RegisterNamespace(ItemNamespace, "Item");
        }

        private static long? Field(IXmpMeta meta, string itemPath, string field)
        {
            try
            {
                return Parse(meta.GetStructField(ContainerNamespace, itemPath, ItemNamespace, field)?.Value);
            }
            catch (XmpException)
            {
                return null;
            }
        }

        private static long? Parse(string? value) =>
            long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : (long?)null;

        private static int Count(IXmpMeta meta)
        {
            try
            {
                return meta.DoesPropertyExist(ContainerNamespace, "Directory") ? meta.CountArrayItems(ContainerNamespace, "Directory") : 0;
            }
            catch (XmpException)
            {
                return 0;
            }
        }

        private static long? Number(IXmpMeta meta, string ns, string path)
        {
            try
            {
                return Parse(meta.GetProperty(ns, path)?.Value);
            }
            catch (XmpException)
            {
                return null;
            }
        }
    }
}
