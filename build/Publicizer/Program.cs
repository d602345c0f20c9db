using Mono.Cecil;

// Usage: MlNetMlp.Publicizer <input.dll> <output.dll>
// Writes a reference-only copy of <input.dll> in which every type, nested type, method, field and
// accessor is public. The copy is only ever compiled against; at run time the real assembly loads,
// and IgnoresAccessChecksToAttribute tells the runtime to allow the access.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: MlNetMlp.Publicizer <input.dll> <output.dll>");
    return 2;
}

var (input, output) = (args[0], args[1]);
var resolver = new DefaultAssemblyResolver();
resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(input))!);
using var assembly = AssemblyDefinition.ReadAssembly(input, new ReaderParameters { AssemblyResolver = resolver });

foreach (var type in assembly.MainModule.GetTypes())
{
    Publicize(type);
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
var temporary = output + ".tmp";
assembly.Write(temporary);
File.Move(temporary, output, overwrite: true);
return 0;

static void Publicize(TypeDefinition type)
{
    if (type.IsNested)
    {
        type.IsNestedPublic = true;
    }
    else
    {
        type.IsPublic = true;
    }

    foreach (var method in type.Methods)
    {
        method.IsPublic = true;
    }

    // Events would clash with their backing fields once both are public; fields named like an
    // event of the same type are left alone.
    var eventNames = type.Events.Select(e => e.Name).ToHashSet();
    foreach (var field in type.Fields.Where(f => !eventNames.Contains(f.Name)))
    {
        field.IsPublic = true;
    }
}
