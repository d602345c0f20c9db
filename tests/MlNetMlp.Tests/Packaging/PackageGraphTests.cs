using System.Text.Json;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Packaging;

/// <summary>
/// One TorchSharp in every output. Microsoft.ML.TorchSharp 0.24.0 (for the comparison's optional text classifier)
/// asks for TorchSharp ≥ 0.102.7; the project references TorchSharp 0.107.0 itself, so NuGet resolves that one for the
/// whole graph. Should a package ever bring a TorchSharp or libtorch of another version, the two would meet in one
/// output and the native library would not match the managed one: these tests read each program's resolved graph.
/// </summary>
[TestClass]
public sealed class PackageGraphTests
{
    [TestMethod]
    [DataRow("tests")]
    [DataRow("cli")]
    [DataRow("bench")]
    [DataRow("modelhost")]
    public void Output_ResolvedPackages_HoldOneTorchSharpAndOneLibTorch(string output)
    {
        var depsFile = output switch
        {
            "tests" => Path.Combine(AppContext.BaseDirectory, "MlNetMlp.Tests.deps.json"),
            "cli" => Path.ChangeExtension(TestPaths.CliDll, ".deps.json"),
            "bench" => Path.ChangeExtension(TestPaths.BenchDll, ".deps.json"),
            _ => Path.ChangeExtension(TestPaths.ModelHostDll, ".deps.json"),
        };

        var packages = ResolvedPackages(depsFile);

        AssertOneVersion(packages, "TorchSharp", ["TorchSharp", "TorchSharp-cpu"], "0.107.0", depsFile);
        AssertOneVersion(packages, "libtorch", packages.Keys.Where(id => id.StartsWith("libtorch-cpu", StringComparison.Ordinal)).ToArray(), "2.10.0", depsFile);
    }

    [TestMethod]
    public void Tests_MicrosoftMlTorchSharp_ResolvesItsTorchSharpDependencyToTheProjectsOwn()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MlNetMlp.Tests.deps.json")));
        var target = deps.RootElement.GetProperty("targets").EnumerateObject().First().Value;
        var mlNetTorchSharp = target.EnumerateObject().Single(p => p.Name.StartsWith("Microsoft.ML.TorchSharp/", StringComparison.Ordinal));

        Assert.AreEqual("Microsoft.ML.TorchSharp/0.24.0", mlNetTorchSharp.Name);
        Assert.AreEqual("0.107.0", mlNetTorchSharp.Value.GetProperty("dependencies").GetProperty("TorchSharp").GetString());
    }

    /// <summary>Package id to the versions a deps.json resolves for it.</summary>
    internal static Dictionary<string, HashSet<string>> ResolvedPackages(string depsFile)
    {
        Assert.IsTrue(File.Exists(depsFile), $"expected the program's resolved graph at {depsFile}");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var packages = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var library in deps.RootElement.GetProperty("libraries").EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() != "package")
            {
                continue;
            }

            var slash = library.Name.IndexOf('/');
            var id = library.Name[..slash];
            if (!packages.TryGetValue(id, out var versions))
            {
                packages[id] = versions = [];
            }

            versions.Add(library.Name[(slash + 1)..]);
        }

        return packages;
    }

    internal static void AssertOneVersion(Dictionary<string, HashSet<string>> packages, string what, string[] ids, string expected, string depsFile)
    {
        var versions = ids.Where(packages.ContainsKey).SelectMany(id => packages[id].Select(v => $"{id} {v}")).ToList();
        Assert.IsNotEmpty(versions, $"{depsFile}: no {what} package resolved");
        Assert.IsTrue(versions.All(v => v.EndsWith(" " + expected, StringComparison.Ordinal)), $"{depsFile}: {what} packages of more than one version: {string.Join(", ", versions)}");
    }
}
