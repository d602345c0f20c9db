namespace MlNetMlp.Datasets;

/// <summary>Where downloaded data sets are kept, like <c>~/.keras/datasets</c>.</summary>
public static class DataCache
{
    /// <summary>The environment variable that names the cache folder, overriding the default.</summary>
    public const string EnvironmentVariable = "MLNETMLP_DATA_CACHE";

    /// <summary>
    /// The cache folder: <c>$MLNETMLP_DATA_CACHE</c> when set, else <c>mlnetmlp/datasets</c> under the user's
    /// cache folder (<c>$XDG_CACHE_HOME</c> or <c>~/.cache</c> on Linux and macOS, the local application data
    /// folder on Windows).
    /// </summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(UserCacheFolder(), "mlnetmlp", "datasets");

    private static string UserCacheFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        }

        return Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
    }
}
