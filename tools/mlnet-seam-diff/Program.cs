using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mono.Cecil;

// Usage: dotnet run --project tools/mlnet-seam-diff -- OLD_LIB_DIR NEW_LIB_DIR OUR_ASSEMBLY.dll...
// Each LIB_DIR holds one ML.NET release's Microsoft.ML.Core/Data/DataView/StandardTrainers/Transforms.dll (the
// lib/netstandard2.0 folders of the packages in the NuGet cache). Prints every ML.NET member our assemblies reference
// whose signature or IL body differs between the releases, then how many method bodies changed in each assembly.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: OLD_LIB_DIR NEW_LIB_DIR OUR_ASSEMBLY.dll...");
    return 2;
}

string[] mlNet = ["Microsoft.ML.Core", "Microsoft.ML.Data", "Microsoft.ML.DataView", "Microsoft.ML.StandardTrainers", "Microsoft.ML.Transforms"];
var oldRelease = Release.Read(args[0], mlNet);
var newRelease = Release.Read(args[1], mlNet);
var used = args.Skip(2).SelectMany(path => ModuleDefinition.ReadModule(path).GetMemberReferences())
    .Where(member => mlNet.Contains(AssemblyName(member.DeclaringType.Scope)))
    .Select(member => member is MethodReference method ? method.GetElementMethod() : member)
    .DistinctBy(member => member.FullName)
    .ToList();

var changed = 0;
foreach (var member in used)
{
    var before = oldRelease.Describe(member);
    var after = newRelease.Describe(member);
    if (before != after)
    {
        changed++;
        Console.WriteLine($"changed: {member.FullName}\n  old: {before}\n  new: {after}");
    }
}

Console.WriteLine($"{used.Count} referenced ML.NET members, {changed} changed");
foreach (var name in mlNet)
{
    var bodies = Release.ChangedBodies(oldRelease, newRelease, name);
    Console.WriteLine($"{name}: {bodies.Count} method bodies differ{string.Concat(bodies.Select(b => "\n  " + b))}");
}

return 0;

static string AssemblyName(IMetadataScope scope) => scope is ModuleDefinition module ? module.Assembly.Name.Name : scope.Name.EndsWith(".dll", StringComparison.Ordinal) ? scope.Name[..^4] : scope.Name;

/// <summary>One ML.NET release's assemblies, and a member's signature and body as comparable text.</summary>
internal sealed partial class Release(Dictionary<string, ModuleDefinition> modules)
{
    private Dictionary<string, ModuleDefinition> Modules { get; } = modules;

    public static Release Read(string folder, IEnumerable<string> names) =>
        new(names.Where(n => File.Exists(Path.Combine(folder, n + ".dll"))).ToDictionary(n => n, n => ModuleDefinition.ReadModule(Path.Combine(folder, n + ".dll"))));

    /// <summary>The member's signature and a hash of its IL (compiler-generated names folded), or "missing".</summary>
    public string Describe(MemberReference member)
    {
        var type = FindType(member.DeclaringType.GetElementType().FullName);
        if (type is null)
        {
            return "missing type";
        }

        return member switch
        {
            MethodReference method => type.Methods.FirstOrDefault(m => SameSignature(m, method)) is { } found
                ? $"{found.FullName} {Body(found)}"
                : "missing method",
            FieldReference field => type.Fields.FirstOrDefault(f => f.Name == field.Name)?.FieldType.FullName ?? "missing field",
            _ => "member",
        };
    }

    /// <summary>The methods of <paramref name="assembly"/> whose body differs between the releases, or that the newer lacks.</summary>
    public static List<string> ChangedBodies(Release before, Release after, string assembly)
    {
        if (!before.Modules.TryGetValue(assembly, out var old) || !after.Modules.TryGetValue(assembly, out var current))
        {
            return [];
        }

        var currentTypes = current.GetTypes().ToDictionary(t => t.FullName);
        return old.GetTypes().Where(t => currentTypes.ContainsKey(t.FullName)).SelectMany(t => t.Methods.Where(m =>
            currentTypes[t.FullName].Methods.FirstOrDefault(n => n.FullName == m.FullName && n.GenericParameters.Count == m.GenericParameters.Count) is not { } n
            || Body(n) != Body(m))).Select(m => m.FullName).ToList();
    }

    private static bool SameSignature(MethodDefinition candidate, MethodReference wanted) =>
        candidate.Name == wanted.Name && candidate.GenericParameters.Count == wanted.GenericParameters.Count
        && candidate.Parameters.Select(p => p.ParameterType.FullName).SequenceEqual(wanted.Parameters.Select(p => p.ParameterType.FullName));

    private static string Body(MethodDefinition method) => !method.HasBody ? "no body" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        CompilerNames().Replace(string.Join("\n", method.Body.Instructions.Select(i => $"{i.OpCode} {Operand(i.Operand)}")), "#"))))[..16];

    private static string Operand(object? operand) => operand switch
    {
        MemberReference member => member.FullName,
        Mono.Cecil.Cil.Instruction target => target.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(operand, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private TypeDefinition? FindType(string fullName)
    {
        var parts = fullName.Split('/');
        foreach (var module in Modules.Values)
        {
            var type = module.GetType(parts[0]);
            foreach (var nested in parts.Skip(1))
            {
                type = type?.NestedTypes.FirstOrDefault(t => t.Name == nested);
            }

            if (type is not null)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Names the C# compiler makes up for closures and lambdas, which shift when unrelated code changes.</summary>
    [GeneratedRegex(@"<>c__DisplayClass\d+_\d+|<>c__\d+|<>9__\d+_\d+|b__\d+_\d+")]
    private static partial Regex CompilerNames();
}
