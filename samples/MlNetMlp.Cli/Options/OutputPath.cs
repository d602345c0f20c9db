namespace MlNetMlp.Cli.Options;

/// <summary>
/// Checks where a command will write before it starts its work, so that a path that cannot be written fails in a second
/// with the option's name, not after minutes of training. The folder is created if needed; nothing else is left behind.
/// </summary>
internal static class OutputPath
{
    /// <summary>A file the command will write (or replace); returns its full path.</summary>
    /// <exception cref="UsageException">The path is a folder, its folder cannot be created, or no file can be written there.</exception>
    public static string File(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{option}: '{path}' is a folder; expected the path of a file to write, e.g. {Path.Combine(path, "model.zip")}.");
        }

        CreateFolder(option, Path.GetDirectoryName(full)!);
        Probe(option, full, System.IO.File.Exists(full)
            ? () => new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)
            : () => new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose));
        return full;
    }

    /// <summary>A folder the command will write files into; returns its full path.</summary>
    /// <exception cref="UsageException">The path is a file, the folder cannot be created, or no file can be written in it.</exception>
    public static string Folder(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (System.IO.File.Exists(full))
        {
            throw new UsageException($"{option}: '{path}' is a file; expected a folder to write into.");
        }

        CreateFolder(option, full);
        var probe = Path.Combine(full, $".mlnetmlp-write-check-{Environment.ProcessId}");
        Probe(option, probe, () => new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose));
        return full;
    }

    private static void CreateFolder(string option, string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot create the folder '{folder}': {e.Message}");
        }
    }

    private static void Probe(string option, string path, Func<FileStream> open)
    {
        try
        {
            open().Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot write '{path}': {e.Message}");
        }
    }
}
