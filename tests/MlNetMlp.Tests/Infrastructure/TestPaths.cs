using System.Reflection;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>Where the repository, the shared real data and the model host live.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = Path.GetFullPath(Metadata("RepositoryRoot"));

    public static string ModelHostDll { get; } = Metadata("ModelHostDll");

    /// <summary>The command-line program, samples/MlNetMlp.Cli, as built for this test run.</summary>
    public static string CliDll { get; } = Metadata("CliDll");

    /// <summary>The shared data folder, ../shared/data beside the repository (or MLNETMLP_DATA).</summary>
    public static string SharedData { get; } =
        Environment.GetEnvironmentVariable("MLNETMLP_DATA") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>A file under the shared data folder; fails the test with where it looked when it is absent.</summary>
    public static string RequireSharedData(string relativePath)
    {
        var path = Path.Combine(SharedData, relativePath);
        if (!File.Exists(path))
        {
            Assert.Fail($"Real data file '{path}' is missing. Tests read ../shared/data beside the repository (or the folder named by MLNETMLP_DATA); see ../shared/data/README.md.");
        }

        return path;
    }

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
