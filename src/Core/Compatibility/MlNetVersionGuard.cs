using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace MlNetMlp;

/// <summary>
/// Refuses, on the first MlNetMlp call, an ML.NET outside the releases this MlNetMlp was built for. MlNetMlp saves
/// models, loads them and exports ONNX through ML.NET internals (build/MlNetInternals.targets), and every ML.NET
/// assembly has the assembly version 1.0.0.0, so a binding redirect or a central version override that brings in
/// another release loads without complaint and fails later, deep inside, with a <see cref="MissingMethodException"/>.
/// The estimators, the transformers and the model reader and writer ask here first; the check runs once per process.
/// </summary>
public static class MlNetVersionGuard
{
    /// <summary>The ML.NET releases this build supports; set in Directory.Packages.props, the one place it is declared.</summary>
    public static MlNetVersionRange Supported { get; } = MlNetVersionRange.Parse(Metadata("MlNetSupportedLowest"), Metadata("MlNetSupportedBelow"));

    private static readonly Lazy<string?> Problem = new(() => Check(Supported, LoadedMlNetAssemblies()));

    /// <summary>Throws <see cref="UnsupportedMlNetVersionException"/> when the loaded Microsoft.ML is outside <see cref="Supported"/>.</summary>
    /// <exception cref="UnsupportedMlNetVersionException">Microsoft.ML.Core or Microsoft.ML.Data is another release.</exception>
    public static void EnsureSupported()
    {
        if (Problem.Value is { } problem)
        {
            throw new UnsupportedMlNetVersionException(problem);
        }
    }

    /// <summary>
    /// What is wrong with <paramref name="assemblies"/> (name, informational version, location) under
    /// <paramref name="supported"/>, as one line naming what was found and what is supported; null when nothing is.
    /// </summary>
    internal static string? Check(MlNetVersionRange supported, IEnumerable<(string Name, string? Version, string Location)> assemblies)
    {
        foreach (var (name, text, location) in assemblies)
        {
            if (!supported.Contains(text))
            {
                return $"MlNetMlp {OwnVersion()} supports Microsoft.ML {supported}, but this application loaded {name} {text?.Split('+')[0] ?? "of unknown version"}" +
                    $"{(location.Length > 0 ? $" (from {location})" : "")}. MlNetMlp reaches into ML.NET internals that change between minor releases, so it " +
                    $"runs only on the releases it was built and tested for: reference Microsoft.ML {supported.Lowest.Major}.{supported.Lowest.Minor}.x, or the MlNetMlp " +
                    "release built for your ML.NET, and remove any binding redirect or package version override that forces another release.";
            }
        }

        return null;
    }

    private static IEnumerable<(string Name, string? Version, string Location)> LoadedMlNetAssemblies() =>
        new[] { typeof(IHostEnvironment).Assembly, typeof(MLContext).Assembly }.Select(assembly =>
            (assembly.GetName().Name ?? "Microsoft.ML", assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion, assembly.Location));

    private static string OwnVersion() =>
        typeof(MlNetVersionGuard).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";

    private static string Metadata(string key) =>
        typeof(MlNetVersionGuard).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"MlNetMlp.Core was built without its '{key}' metadata.");
}
