namespace MlNetMlp;

/// <summary>
/// Writes a file so that a crash, a kill or a full disk never leaves a half-written file under its name, nor destroys
/// the file it replaces: the content goes to a temporary file beside it, is flushed to the disk, and only then takes
/// the final name in one rename. A failed write leaves the old file as it was and no temporary file behind.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> from <paramref name="write"/>, atomically; its folder is created when missing.</summary>
    /// <param name="path">The file to write or replace.</param>
    /// <param name="write">Writes the whole content into the stream it is given.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
