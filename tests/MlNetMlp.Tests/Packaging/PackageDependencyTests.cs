namespace MlNetMlp.Tests.Packaging;

/// <summary>
/// Each package declares what its user needs and nothing more: reading data, using the transforms or
/// scoring a saved model never brings libtorch, and only the comparison brings the boosted trees, ML.NET's
/// TorchSharp models and the chart renderer with its Skia natives. Read from the .nuspec files that <c>dotnet pack</c> writes.
/// </summary>
[TestClass]
public sealed class PackageDependencyTests
{
    private static readonly string[] ComparisonOnly =
        ["Microsoft.ML.FastTree", "Microsoft.ML.LightGbm", "Microsoft.ML.TorchSharp", "ScottPlot", "SkiaSharp", "SkiaSharp.NativeAssets.Linux.NoDependencies"];

    private static readonly string[] Torch = ["TorchSharp", "TorchSharp-cpu", "libtorch-cpu", "Microsoft.ML.TorchSharp"];

    [TestMethod]
    [DataRow("MlNetMlp.Core", new[] { "Microsoft.ML" })]
    [DataRow("MlNetMlp.Transforms", new[] { "Microsoft.ML", "MlNetMlp.Core" })]
    [DataRow("MlNetMlp.Scoring", new[] { "Microsoft.ML", "MlNetMlp.Core", "System.Numerics.Tensors" })]
    [DataRow("MlNetMlp.Trainers", new[] { "Microsoft.ML", "MlNetMlp.Core", "MlNetMlp.Scoring", "TorchSharp-cpu" })]
    [DataRow("MlNetMlp.Datasets", new[] { "Microsoft.ML", "MlNetMlp.Core" })]
    [DataRow("MlNetMlp.Pipelines", new[] { "Microsoft.ML", "MlNetMlp.Transforms", "MlNetMlp.Trainers" })]
    [DataRow("MlNetMlp.Experiments", new[] { "Microsoft.ML", "MlNetMlp.Datasets", "MlNetMlp.Pipelines", "Microsoft.ML.FastTree", "Microsoft.ML.LightGbm", "Microsoft.ML.TorchSharp", "ScottPlot", "SkiaSharp.NativeAssets.Linux.NoDependencies" })]
    public void Nuspec_Dependencies_AreExactlyWhatThePackageNeeds(string id, string[] expected)
    {
        var declared = PackedFeed.Instance.Manifests[id].Dependencies.Keys;

        CollectionAssert.AreEquivalent(expected, declared.ToList(), $"{id} declares: {string.Join(", ", declared)}");
    }

    [TestMethod]
    [DataRow("MlNetMlp.Core", new[] { "Microsoft.ML" })]
    [DataRow("MlNetMlp.Transforms", new[] { "Microsoft.ML" })]
    [DataRow("MlNetMlp.Scoring", new[] { "Microsoft.ML", "System.Numerics.Tensors" })]
    [DataRow("MlNetMlp.Datasets", new[] { "Microsoft.ML" })]
    public void TorchFreePackage_WithEverythingItBrings_HasNoTorchAndNoComparisonDependency(string id, string[] expected)
    {
        var carried = CarriedExternalPackages(id);

        Assert.IsEmpty(carried.Intersect(Torch.Concat(ComparisonOnly)).ToList(), $"{id} brings {string.Join(", ", carried)}");
        CollectionAssert.AreEquivalent(expected, carried.ToList());
    }

    [TestMethod]
    public void Pipelines_WithEverythingItBrings_HasNoComparisonDependency()
    {
        var carried = CarriedExternalPackages("MlNetMlp.Pipelines");

        Assert.IsEmpty(carried.Intersect(ComparisonOnly).ToList(), $"MlNetMlp.Pipelines brings {string.Join(", ", carried)}");
        CollectionAssert.AreEquivalent(new[] { "Microsoft.ML", "System.Numerics.Tensors", "TorchSharp-cpu" }, carried.ToList());
    }

    [TestMethod]
    public void Packages_EveryMicrosoftMlDependency_IsTheRangeTheInternalsSeamSupports()
    {
        foreach (var manifest in PackedFeed.Instance.Manifests.Values.Where(m => m.Dependencies.ContainsKey("Microsoft.ML")))
        {
            var declared = manifest.Dependencies["Microsoft.ML"];
            Assert.AreEqual("[6.0.0, 6.1.0)", declared, manifest.Id);
            var bounds = declared.Trim('[', ')').Split(", ");
            var supported = MlNetVersionGuard.Supported;
            Assert.AreEqual(new Version(bounds[0]), supported.Lowest, $"{manifest.Id}: the run-time guard and the package agree on the lowest release");
            Assert.AreEqual(new Version(bounds[1]), new Version(supported.Below.Major, supported.Below.Minor, Math.Max(0, supported.Below.Build)), $"{manifest.Id}: and on the first one left out");
        }
    }

    [TestMethod]
    public void Packages_OneVersion_TheirDependenciesOnEachOtherNameIt()
    {
        var feed = PackedFeed.Instance;

        foreach (var manifest in feed.Manifests.Values)
        {
            Assert.AreEqual(feed.Version, manifest.Version, manifest.Id);
            foreach (var (dependency, version) in manifest.Dependencies.Where(d => d.Key.StartsWith("MlNetMlp.", StringComparison.Ordinal)))
            {
                Assert.AreEqual(feed.Version, version, $"{manifest.Id} -> {dependency}");
            }
        }
    }

    /// <summary>The external packages a package brings with it: its own and those of the MlNetMlp packages it depends on, transitively.</summary>
    private static HashSet<string> CarriedExternalPackages(string id)
    {
        var manifests = PackedFeed.Instance.Manifests;
        var carried = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([id]);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var current))
        {
            if (!visited.Add(current))
            {
                continue;
            }

            foreach (var dependency in manifests[current].Dependencies.Keys)
            {
                if (manifests.ContainsKey(dependency))
                {
                    pending.Push(dependency);
                }
                else
                {
                    carried.Add(dependency);
                }
            }
        }

        return carried;
    }
}
