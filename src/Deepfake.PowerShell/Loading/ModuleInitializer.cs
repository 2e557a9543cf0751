using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
#if NET8_0_OR_GREATER
using System.Runtime.Loader;
#endif

namespace Deepfake.Commands.Loading
{
    /// <summary>
    /// Runs when PowerShell imports the cmdlet assembly, before any cmdlet needs Deepfake.Core, and installs the
    /// edition's isolation: on PowerShell 7 the default context hands the one name <c>Deepfake.Core</c> to the
    /// module's <see cref="DependencyLoadContext"/> (whose members then resolve inside it); on Windows PowerShell
    /// 5.1 a failed bind for a file the module ships (a package asking for another version of a package beside
    /// it, which binding redirects would otherwise fix) is answered from the module's folder and nowhere else.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        internal const string EngineAssemblyName = "Deepfake.Core";

        internal const string DependenciesFolderName = "Dependencies";

        public void OnImport() => ModuleResolution.Install();
    }

    /// <summary>Removes the resolution hook when the module is removed.</summary>
    public sealed class ModuleCleanup : IModuleAssemblyCleanup
    {
        public void OnRemove(PSModuleInfo psModuleInfo) => ModuleResolution.Uninstall();
    }

    /// <summary>
    /// Installs and removes the edition's resolution hook. Deepfake.psm1 calls <see cref="Install"/> before it
    /// imports the cmdlets: PowerShell may load the cmdlet types (whose parameters use engine types such as the
    /// <c>ProviderKind</c> enum) while it analyses the assembly, possibly before <see cref="ModuleInitializer.OnImport"/>
    /// runs, and the engine must already resolve by then. <see cref="Install"/> is idempotent, so OnImport calling it
    /// again (for users who import the assembly directly) is harmless.
    /// </summary>
    public static class ModuleResolution
    {
        private static readonly object Gate = new object();
        private static bool _installed;

#if NET8_0_OR_GREATER
        private static DependencyLoadContext? _context;

        public static void Install()
        {
            lock (Gate)
            {
                if (_installed) return;
                var cmdletFolder = Path.GetDirectoryName(typeof(ModuleResolution).Assembly.Location)!;
                _context ??= new DependencyLoadContext(
                    new ModuleFolder(Path.Combine(cmdletFolder, ModuleInitializer.DependenciesFolderName)));
                AssemblyLoadContext.Default.Resolving += ResolveEngine;
                _installed = true;
            }
        }

        public static void Uninstall()
        {
            lock (Gate)
            {
                AssemblyLoadContext.Default.Resolving -= ResolveEngine;
                _installed = false;
            }
        }

        // Only the engine's name is answered here: the default context must never receive the engine's own
        // dependencies, or they would be shared with every other module again.
        internal static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name) =>
            string.Equals(name.Name, ModuleInitializer.EngineAssemblyName, StringComparison.Ordinal) && _context != null
                ? _context.LoadFromAssemblyName(name)
                : null;
#else
        private static readonly ModuleFolder Folder = ModuleFolder.OfCmdletAssembly();

        public static void Install()
        {
            lock (Gate)
            {
                if (_installed) return;
                AppDomain.CurrentDomain.AssemblyResolve += ResolveShipped;
                _installed = true;
            }
        }

        public static void Uninstall()
        {
            lock (Gate)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveShipped;
                _installed = false;
            }
        }

        private static Assembly? ResolveShipped(object sender, ResolveEventArgs args)
        {
            var path = Folder.Find(new AssemblyName(args.Name));
            return path is null ? null : Assembly.LoadFrom(path);
        }
#endif
    }
}
