using System.Reflection;

namespace MlNetMlp.Samples;

/// <summary>Where the real data lives: the folder given on the command line, else ../shared/data beside the repository.</summary>
internal static class SharedDataFolder
{
    /// <summary>The data folder, or null (after saying where it looked) when it lacks one of <paramref name="requiredFiles"/>.</summary>
    public static string? Locate(string[] args, params string[] requiredFiles)
    {
        var repositoryRoot = typeof(SharedDataFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        var folder = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(repositoryRoot, "..", "shared", "data"));
        var missing = requiredFiles.FirstOrDefault(file => !File.Exists(Path.Combine(folder, file)));
        if (missing is null)
        {
            return folder;
        }

        Console.Error.WriteLine($"No '{missing}' under '{folder}'. Pass the data folder (holding mnist/ and imdb/, see its README.md) as the first argument.");
        return null;
    }
}
