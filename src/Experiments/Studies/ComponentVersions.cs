using System.Reflection;

namespace MlNetMlp.Experiments;

/// <summary>The versions a report lists so that a run can be repeated.</summary>
public static class ComponentVersions
{
    /// <summary>
    /// The versions of the loaded assemblies that matter to a result (MlNetMlp, Microsoft.ML, TorchSharp, ScottPlot),
    /// the .NET runtime and the native libtorch. Call it after the run, so that every assembly the run used is loaded
    /// and listed.
    /// </summary>
    /// <returns>Component name to informational version (without source-control suffixes), sorted by name.</returns>
    public static IReadOnlyDictionary<string, string> Loaded()
    {
        string[] prefixes = ["MlNetMlp.", "Microsoft.ML", "TorchSharp", "ScottPlot"];
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [".NET"] = Environment.Version.ToString(),
            ["libtorch"] = TorchRuntime.Describe().LibTorchVersion,
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
