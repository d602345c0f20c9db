using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Documentation;

/// <summary>
/// Every <c>```csharp</c> block of README.md compiles as written, as a program of its own in a new console
/// project (implicit usings, nullable on, C# 14), against the assemblies this test run built, so the README and
/// the library cannot drift apart. Warnings count as failures: a user copies the block as it stands.
/// </summary>
[TestClass]
public sealed class ReadmeCodeTests
{
    /// <summary>The global usings the .NET SDK adds to a console project with ImplicitUsings enabled.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    [TestMethod]
    public void Readme_EveryCSharpBlock_CompilesAsAProgramOfItsOwn()
    {
        var blocks = ReadmeBlocks.Read(Path.Combine(TestPaths.RepositoryRoot, "README.md"), "csharp");
        Assert.IsGreaterThanOrEqualTo(2, blocks.Count, "README.md should show the library example and how to reach the trained MlpModel");

        var problems = blocks.SelectMany(Compile).ToList();

        Assert.IsEmpty(problems, "README.md code that does not compile as written:\n" + string.Join("\n", problems));
    }

    [TestMethod]
    public void Compile_BlockWithAMissingUsing_ReportsTheReadmeLine()
    {
        var block = new ReadmeBlock(40, """
            using MlNetMlp;

            Console.WriteLine(typeof(MnistSample));
            """);

        var problems = Compile(block).ToList();

        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "README.md line 42");
        StringAssert.Contains(problems[0], "CS0246");
    }

    private static IEnumerable<string> Compile(ReadmeBlock block)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp14);
        var compilation = CSharpCompilation.Create(
            $"Readme{block.FirstLine}",
            [CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.cs"), CSharpSyntaxTree.ParseText(block.Code, parse, "README.md")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        return emitted.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath == "README.md")
            .Select(d => $"README.md line {block.FirstLine + d.Location.GetLineSpan().StartLinePosition.Line}: {d.Id} {d.GetMessage()}")
            .Concat(emitted.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath != "README.md")
                .Select(d => $"README.md block at line {block.FirstLine}: {d.Id} {d.GetMessage()}"));
    }
}
