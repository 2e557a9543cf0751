using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Deepfake.Tests.Support
{
    /// <summary>
    /// The compiled cmdlet assembly read as metadata, with PowerShell's reference assembly for resolution, the way
    /// PowerShell reflects on it at import; nothing in it runs.
    /// </summary>
    internal sealed class CmdletMetadata : IDisposable
    {
        private readonly MetadataLoadContext _context;

        public CmdletMetadata()
            : this(TestEnvironment.CmdletAssemblyPath)
        {
        }

        /// <summary>Reads the cmdlet assembly at <paramref name="path"/>, resolving its references from its own folder first.</summary>
        public CmdletMetadata(string path)
        {
            var paths = Directory.GetFiles(Path.GetDirectoryName(path)!, "*.dll")
                .Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
                .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
                .Append(TestEnvironment.PowerShellReferenceAssembly)
                .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First());
            _context = new MetadataLoadContext(new PathAssemblyResolver(paths));
            Assembly = _context.LoadFromAssemblyPath(path);
            Automation = _context.LoadFromAssemblyName("System.Management.Automation");
            CmdletType = Automation.GetType("System.Management.Automation.Cmdlet", throwOnError: true)!;
        }

        public Assembly Assembly { get; }

        public Assembly Automation { get; }

        public Type CmdletType { get; }

        /// <summary>Every type PowerShell would export as a cmdlet: public, concrete, a Cmdlet with [Cmdlet].</summary>
        public IReadOnlyList<CmdletShape> Cmdlets =>
            Assembly.GetExportedTypes()
                .Where(t => !t.IsAbstract && CmdletType.IsAssignableFrom(t) && Attribute(t, "CmdletAttribute") != null)
                .Select(t => new CmdletShape(t))
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .ToList();

        public CmdletShape Cmdlet(string name) => Cmdlets.Single(c => c.Name == name);

        public static CustomAttributeData? Attribute(MemberInfo member, string name) =>
            member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == name);

        public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string name) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType.Name == name);

        public static object? Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

        public void Dispose() => _context.Dispose();
    }

    /// <summary>One cmdlet as its metadata declares it.</summary>
    internal sealed class CmdletShape
    {
        public CmdletShape(Type type)
        {
            Type = type;
            var cmdlet = CmdletMetadata.Attribute(type, "CmdletAttribute")!;
            Verb = (string)cmdlet.ConstructorArguments[0].Value!;
            Noun = (string)cmdlet.ConstructorArguments[1].Value!;
            DefaultParameterSetName = (string?)CmdletMetadata.Named(cmdlet, "DefaultParameterSetName");
            SupportsShouldProcess = (bool?)CmdletMetadata.Named(cmdlet, "SupportsShouldProcess") ?? false;
        }

        public Type Type { get; }

        public string Verb { get; }

        public string Noun { get; }

        public string Name => Verb + "-" + Noun;

        public string? DefaultParameterSetName { get; }

        public bool SupportsShouldProcess { get; }

        public IEnumerable<Type> OutputTypes =>
            CmdletMetadata.Attributes(Type, "OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
                .OfType<Type>();

        /// <summary>The public properties PowerShell binds as parameters, inherited ones included.</summary>
        public IReadOnlyList<PropertyInfo> Parameters =>
            Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => CmdletMetadata.Attribute(p, "ParameterAttribute") != null)
                .ToList();

        public PropertyInfo Parameter(string name) => Parameters.Single(p => p.Name == name);

        public IEnumerable<CustomAttributeData> ParameterAttributes(string name) =>
            CmdletMetadata.Attributes(Parameter(name), "ParameterAttribute");

        public IEnumerable<string> Aliases(string name) =>
            CmdletMetadata.Attributes(Parameter(name), "AliasAttribute")
                .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
                .Select(v => (string)v.Value!);

        public IEnumerable<string> ValidateSet(string name) =>
            CmdletMetadata.Attributes(Parameter(name), "ValidateSetAttribute")
                .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
                .Select(v => (string)v.Value!);

        public IEnumerable<string> ParameterSetNames =>
            Parameters.SelectMany(p => CmdletMetadata.Attributes(p, "ParameterAttribute"))
                .Select(a => (string?)CmdletMetadata.Named(a, "ParameterSetName"))
                .Where(n => n != null && n != "__AllParameterSets")
                .Select(n => n!)
                .Concat(DefaultParameterSetName is null ? Enumerable.Empty<string>() : new[] { DefaultParameterSetName })
                .Distinct();

        /// <summary>The values of the public string constants the cmdlet and its base classes declare.</summary>
        public IEnumerable<string> StringConstants =>
            Type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy)
                .Where(f => f.IsLiteral && f.FieldType.FullName == "System.String")
                .Select(f => (string)f.GetRawConstantValue()!);
    }
}
