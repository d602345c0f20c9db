using System.Reflection;

namespace MlNetMlp.Samples;

/// <summary>Where the real data lives: the folder given on the command line, else ../shared/data beside the repository.</summary>
internal static class SharedDataFolder
{
    /// <summary>The data folder, or null (after saying where it looked) when it does not hold <paramref name="requiredFile"/>.</summary>
    public static string? Locate(string[] args, string requiredFile)
    {
        var repositoryRoot = typeof(SharedDataFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        var folder = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(repositoryRoot, "..", "shared", "data"));
        if (File.Exists(Path.Combine(folder, requiredFile)))
        {
            return folder;
        }

        Console.Error.WriteLine($"No '{requiredFile}' under '{folder}'. Pass the data folder (holding mnist/ and imdb/) as the first argument.");
        return null;
    }
}
