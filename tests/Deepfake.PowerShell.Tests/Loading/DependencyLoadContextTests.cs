using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Deepfake.Commands.Loading;
using Deepfake.Tests.Packaging;

namespace Deepfake.Tests.Loading
{
    /// <summary>The PowerShell 7 isolation, on the real Core/Dependencies folder of the assembled module.</summary>
    [Collection(AssembledModuleCollection.Name)]
    public sealed class DependencyLoadContextTests
    {
        private readonly AssembledModule _module;

        public DependencyLoadContextTests(AssembledModule module)
        {
            _module = module;
        }

        [Fact]
        public void The_engine_and_its_packages_load_from_the_dependencies_folder_into_the_modules_own_context()
        {
            var folder = _module.File("Core", "Dependencies");
            var context = new DependencyLoadContext(new ModuleFolder(folder));

            var engine = context.LoadFromAssemblyName(new AssemblyName("Deepfake.Core"));
            var polly = context.LoadFromAssemblyName(new AssemblyName("Polly.Core"));

            Assert.Equal(Path.Combine(folder, "Deepfake.Core.dll"), engine.Location);
            Assert.Equal(Path.Combine(folder, "Polly.Core.dll"), polly.Location);
            Assert.Same(context, AssemblyLoadContext.GetLoadContext(engine));
            Assert.Same(context, AssemblyLoadContext.GetLoadContext(polly));
            // A second copy beside the one this test host loaded: that is the isolation.
            Assert.NotSame(typeof(DeepfakeResult).Assembly, engine);
        }

        [Fact]
        public void Framework_assemblies_such_as_System_Text_Json_come_from_the_default_context_PowerShell_shares()
        {
            var context = new DependencyLoadContext(new ModuleFolder(_module.File("Core", "Dependencies")));

            var json = context.LoadFromAssemblyName(new AssemblyName("System.Text.Json"));

            Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(json));
        }

        [Fact]
        public void The_default_context_hook_answers_only_the_engine_name()
        {
            Assert.Null(ModuleResolution.ResolveEngine(AssemblyLoadContext.Default, new AssemblyName("Polly.Core")));
            Assert.Null(ModuleResolution.ResolveEngine(AssemblyLoadContext.Default, new AssemblyName("MetadataExtractor")));
        }
    }
}
