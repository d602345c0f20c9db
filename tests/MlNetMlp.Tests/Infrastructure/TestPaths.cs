using System.Reflection;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>Where the repository, the shared real data and the model host live.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = Path.GetFullPath(Metadata("RepositoryRoot"));

    public static string ModelHostDll { get; } = Metadata("ModelHostDll");

    /// <summary>tests/MlNetMlp.TrainingHost, the process training tests kill.</summary>
    public static string TrainingHostDll { get; } = Metadata("TrainingHostDll");

    /// <summary>The command-line program, samples/MlNetMlp.Cli, as built for this test run.</summary>
    public static string CliDll { get; } = Metadata("CliDll");

    /// <summary>The benchmark harness, bench/MlNetMlp.Bench, as built for this test run.</summary>
    public static string BenchDll { get; } = Metadata("BenchDll");

    /// <summary>The environment variable that names another shared data folder.</summary>
    public const string SharedDataVariable = "MLNETMLP_DATA";

    /// <summary>The shared data folder, ../shared/data beside the repository (or MLNETMLP_DATA).</summary>
    public static string SharedData { get; } =
        Environment.GetEnvironmentVariable(SharedDataVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>
    /// A file under the shared data folder. When it is absent (a fresh clone without ../shared) the test is skipped
    /// (reported as not executed, with where it looked and how to get the data) rather than failed; CI, which has the
    /// data, fails any run with skipped tests (.ci/run).
    /// </summary>
    public static string RequireSharedData(string relativePath)
    {
        var path = Path.Combine(SharedData, relativePath);
        if (!File.Exists(path))
        {
            Assert.Inconclusive(
                $"Skipped: needs the real data file '{path}', which is absent (tests read ../shared/data beside the repository, " +
                $"or the folder {SharedDataVariable} names). To run it, set {SharedDataVariable} to a folder laid out like CI's: " +
                "mnist/ with the four MNIST files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, " +
                "t10k-labels-idx1-ubyte.gz from https://storage.googleapis.com/cvdf-datasets/mnist/; CI's training files hold the first 10,000 digits), " +
                "and imdb/aclImdb.tar.gz (https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz).");
        }

        return path;
    }

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
