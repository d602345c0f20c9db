using System.Reflection;

namespace MlNetMlp.Bench.Data;

/// <summary>Where the real data and the repository are: --data, else MLNETMLP_DATA, else ../shared/data beside the repository.</summary>
internal static class BenchData
{
    public static string RepositoryRoot { get; } = Path.GetFullPath(typeof(BenchData).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    /// <summary>The data folder holding mnist/ and imdb/; throws naming where it looked when a file is missing.</summary>
    public static string Locate(string? given)
    {
        var folder = Path.GetFullPath(given
            ?? (Environment.GetEnvironmentVariable("MLNETMLP_DATA") is { Length: > 0 } fromEnvironment ? fromEnvironment : Path.Combine(RepositoryRoot, "..", "shared", "data")));
        foreach (var file in new[] { MnistFolder(folder), ImdbArchive(folder) })
        {
            if (!Path.Exists(file))
            {
                throw new FileNotFoundException($"The benchmarks need '{file}': pass the folder holding mnist/ and imdb/ (see ../shared/data/README.md) with --data.");
            }
        }

        return folder;
    }

    public static string MnistFolder(string dataFolder) => Path.Combine(dataFolder, "mnist");

    public static string ImdbArchive(string dataFolder) => Path.Combine(dataFolder, "imdb", "aclImdb.tar.gz");
}
