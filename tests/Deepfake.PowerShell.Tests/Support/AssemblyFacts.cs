using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Deepfake.Tests.Support
{
    /// <summary>An assembly file's identity, target framework and references, read without loading it.</summary>
    internal sealed class AssemblyFacts
    {
        private AssemblyFacts(string path, string name, Version version, string? targetFramework, IReadOnlyList<(string Name, Version Version)> references)
        {
            Path = path;
            Name = name;
            Version = version;
            TargetFramework = targetFramework;
            References = references;
        }

        public string Path { get; }

        public string Name { get; }

        public Version Version { get; }

        /// <summary>For example <c>.NETCoreApp,Version=v8.0</c>.</summary>
        public string? TargetFramework { get; }

        public IReadOnlyList<(string Name, Version Version)> References { get; }

        public static AssemblyFacts Read(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var definition = reader.GetAssemblyDefinition();
            var references = reader.AssemblyReferences
                .Select(h => reader.GetAssemblyReference(h))
                .Select(r => (reader.GetString(r.Name), r.Version))
                .ToList();
            return new AssemblyFacts(path, reader.GetString(definition.Name), definition.Version, TargetFrameworkOf(reader, definition), references);
        }

        private static string? TargetFrameworkOf(MetadataReader reader, AssemblyDefinition definition)
        {
            foreach (var handle in definition.GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (constructor.Parent.Kind != HandleKind.TypeReference ||
                    reader.GetString(reader.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "TargetFrameworkAttribute")
                {
                    continue;
                }

                var blob = reader.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog
                return blob.ReadSerializedString();
            }

            return null;
        }
    }
}
