using System.Text.RegularExpressions;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Layout;

/// <summary>
/// Namespaces follow ML.NET's convention: what a user calls sits in a few public namespaces that match how they think
/// (the catalog extensions and everything to build, train and score an MLP in <c>MlNetMlp</c>; the transforms, the
/// data sets, the recipes and the studies in one namespace each), and internal code is organised by folder, each
/// folder's namespace its project and path.
/// </summary>
[TestClass]
public sealed partial class NamespaceLayoutTests
{
    /// <summary>The namespace of every public type of each project under src/, and of the folders with a public namespace of their own (Keras's <c>keras.callbacks</c> and <c>keras.optimizers.schedules</c>).</summary>
    private static readonly IReadOnlyDictionary<string, string> PublicNamespaces = new Dictionary<string, string>
    {
        ["Core"] = "MlNetMlp",
        ["Scoring"] = "MlNetMlp",
        ["Trainers"] = "MlNetMlp",
        ["Transforms"] = "MlNetMlp.Transforms",
        ["Datasets"] = "MlNetMlp.Datasets",
        ["Pipelines"] = "MlNetMlp.Pipelines",
        ["Experiments"] = "MlNetMlp.Experiments",
        ["Trainers/Callbacks"] = "MlNetMlp.Callbacks",
        ["Trainers/Schedules"] = "MlNetMlp.Schedules",
    };

    [TestMethod]
    public void Sources_PublicTypesInTheirProjectsPublicNamespace_InternalCodeInItsFoldersNamespace()
    {
        var problems = new List<string>();
        var source = Path.Combine(TestPaths.RepositoryRoot, "src");
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")))
        {
            var relative = Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar);
            var text = File.ReadAllText(file);
            var declared = Namespace().Match(text).Groups[1].Value;
            var types = TopLevelType().Matches(text).Select(m => (Public: m.Groups[1].Value.Contains("public"), Name: m.Groups[2].Value)).ToList();
            if (types.Count == 0)
            {
                continue;
            }

            var expected = types.Any(t => t.Public)
                ? relative[0] == "Transforms" && types.All(t => t.Name.EndsWith("Catalog", StringComparison.Ordinal)) ? "MlNetMlp"
                    : PublicNamespaces.GetValueOrDefault(relative.Length > 2 ? $"{relative[0]}/{relative[1]}" : "", PublicNamespaces[relative[0]])
                : string.Join('.', ["MlNetMlp", .. relative[..^1]]);
            if (declared != expected)
            {
                problems.Add($"src/{string.Join('/', relative)} ({string.Join(", ", types.Select(t => t.Name))}): namespace {declared}, expected {expected}");
            }

            if (types.Select(t => t.Public).Distinct().Count() > 1)
            {
                problems.Add($"src/{string.Join('/', relative)} mixes public and internal types");
            }
        }

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^((?:public |internal |static |sealed |abstract |partial |readonly )*)(?:class|record|record struct|struct|enum|interface) (\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
