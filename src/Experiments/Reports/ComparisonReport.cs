using System.Reflection;
using MlNetMlp.Experiments.Comparison;

namespace MlNetMlp.Experiments.Reports;

/// <summary>Everything a comparison report shows: the results per trainer and the context needed to read them.</summary>
public sealed record ComparisonReport
{
    /// <summary>The report's title, e.g. "MNIST: MLP against ML.NET trainers".</summary>
    public required string Title { get; init; }

    /// <summary>The task every result in the report ran.</summary>
    public required ComparisonTask Task { get; init; }

    /// <summary>The data used.</summary>
    public required DataDescription Data { get; init; }

    /// <summary>The machine it ran on.</summary>
    public required MachineDescription Machine { get; init; }

    /// <summary>Component name to version, e.g. <c>Microsoft.ML</c> to <c>5.0.1</c>.</summary>
    public required IReadOnlyDictionary<string, string> Versions { get; init; }

    /// <summary>One result per trainer, in the order the report lists them.</summary>
    public required IReadOnlyList<TrainerResult> Results { get; init; }

    /// <summary>When the comparison ran.</summary>
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The versions of the loaded assemblies that matter to a result: MlNetMlp, Microsoft.ML, TorchSharp,
    /// ScottPlot, plus the runtime.
    /// </summary>
    /// <returns>Assembly name to informational version (without source-control suffixes), sorted by name.</returns>
    public static IReadOnlyDictionary<string, string> LoadedVersions()
    {
        string[] prefixes = ["MlNetMlp.", "Microsoft.ML", "TorchSharp", "ScottPlot"];
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [".NET"] = Environment.Version.ToString(),
        };
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var name = assembly.GetName().Name ?? string.Empty;
            if (prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
                versions[name] = informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "?";
            }
        }

        return versions;
    }
}
