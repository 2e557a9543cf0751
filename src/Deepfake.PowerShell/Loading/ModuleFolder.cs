using System;
using System.IO;
using System.Reflection;

namespace Deepfake.Commands.Loading
{
    /// <summary>
    /// Decides which of the module's own files may answer a request for an assembly. Only files shipped in the
    /// module's folder, with the requested name, and at least the requested version qualify, so the module never
    /// hands its copies to a request it cannot satisfy and never loads anything from outside its folder.
    /// </summary>
    internal sealed class ModuleFolder
    {
        public ModuleFolder(string directory)
        {
            Directory = directory ?? throw new ArgumentNullException(nameof(directory));
        }

        public string Directory { get; }

        /// <summary>The folder the cmdlet assembly was loaded from.</summary>
        public static ModuleFolder OfCmdletAssembly() =>
            new ModuleFolder(Path.GetDirectoryName(typeof(ModuleFolder).Assembly.Location)!);

        /// <summary>The path of the shipped file that satisfies <paramref name="requested"/>, or null.</summary>
        public string? Find(AssemblyName requested)
        {
            if (requested?.Name is null || requested.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                return null;
            }

            var candidate = Path.Combine(Directory, requested.Name + ".dll");
            if (!File.Exists(candidate))
            {
                return null;
            }

            AssemblyName shipped;
            try
            {
                shipped = AssemblyName.GetAssemblyName(candidate);
            }
            catch (BadImageFormatException)
            {
                return null;
            }

            if (requested.Version != null && shipped.Version != null && shipped.Version < requested.Version)
            {
                return null;
            }

            return SameKey(requested.GetPublicKeyToken(), shipped.GetPublicKeyToken()) ? candidate : null;
        }

        private static bool SameKey(byte[]? requested, byte[]? shipped)
        {
            if (requested is null || requested.Length == 0)
            {
                return true;
            }

            if (shipped is null || shipped.Length != requested.Length)
            {
                return false;
            }

            for (var i = 0; i < requested.Length; i++)
            {
                if (requested[i] != shipped[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
