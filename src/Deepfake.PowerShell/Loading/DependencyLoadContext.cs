#if NET8_0_OR_GREATER
using System.Reflection;
using System.Runtime.Loader;

namespace Deepfake.Commands.Loading
{
    /// <summary>
    /// The module's own load context on PowerShell 7: Deepfake.Core and the packages it uses (Polly,
    /// MetadataExtractor, ...) load here from <c>Core/Dependencies</c>, so another module's copy of the same
    /// package, loaded before or after ours at any version, never collides with it. Anything not shipped there
    /// (the .NET 8 framework, System.Text.Json 8 included) falls through to the default context PowerShell uses.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly ModuleFolder _folder;

        public DependencyLoadContext(ModuleFolder folder)
            : base("Deepfake", isCollectible: false)
        {
            _folder = folder;
        }

        public ModuleFolder Folder => _folder;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = _folder.Find(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }
}
#endif
