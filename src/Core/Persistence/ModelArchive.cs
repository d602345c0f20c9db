using System.IO.Compression;
using System.Text;
using Microsoft.ML;

namespace MlNetMlp.Core.Persistence;

/// <summary>
/// Checks a model file as a zip archive before ML.NET reads any of it. ML.NET reads entries through
/// <see cref="ZipArchive"/>, which checks no CRC-32, so a changed byte in ML.NET's own entries (the input schema,
/// the transformer chain, each component's header) would otherwise load as a different model or fail deep inside
/// ML.NET with an unrelated exception. Here every entry is read back in full and compared with its CRC-32 and length,
/// and each name in the central directory with the copy in the entry's local header.
/// </summary>
internal static class ModelArchive
{
    /// <summary>Checks the archive in <paramref name="file"/>; <paramref name="path"/> names it in messages.</summary>
    /// <exception cref="ModelFormatException">The file is empty, not a zip archive, a damaged one, or a zip that holds no ML.NET model.</exception>
    public static void Verify(Stream file, string path)
    {
        if (file.Length == 0)
        {
            throw new ModelFormatException($"Model file '{path}' is not a readable ML.NET model: it is empty (0 bytes); expected the .zip that mlContext.Model.Save writes.");
        }

        var directory = ReadDirectory(file, path);
        using (var archive = Open(file, path))
        {
            if (archive.Entries.Count != directory.Entries.Count)
            {
                throw Damaged(path, $"its central directory lists {directory.Entries.Count} entries, but only {archive.Entries.Count} can be opened", entry: null);
            }

            for (var i = 0; i < directory.Entries.Count; i++)
            {
                CheckLocalHeader(file, directory, directory.Entries[i], path);
                CheckContent(archive.Entries[i], directory.Entries[i], path);
            }
        }

        if (!directory.Entries.Any(IsModelStream))
        {
            var names = string.Join(", ", directory.Entries.Take(5).Select(e => $"'{e.Name}'")) + (directory.Entries.Count > 5 ? ", ..." : "");
            throw new ModelFormatException(
                $"Model file '{path}' is not a readable ML.NET model: it is a zip archive, but none of its {directory.Entries.Count} entries " +
                $"is a component's '{ModelLoadContext.ModelStreamName}' (it holds {(names.Length > 0 ? names : "nothing")}).");
        }
    }

    private static ZipDirectory ReadDirectory(Stream file, string path)
    {
        try
        {
            return ZipDirectory.Read(file);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or OverflowException)
        {
            throw StartsLikeZip(file)
                ? Damaged(path, e.Message, entry: null, e)
                : new ModelFormatException($"Model file '{path}' is not a readable ML.NET model: it is not a zip archive ({Describe(file)}).", e);
        }
    }

    private static ZipArchive Open(Stream file, string path)
    {
        file.Position = 0;
        ZipArchive? archive = null;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            _ = archive.Entries.Count;
            return archive;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            archive?.Dispose();
            throw Damaged(path, e.Message, entry: null, e);
        }
    }

    private static void CheckLocalHeader(Stream file, ZipDirectory directory, ZipDirectoryEntry entry, string path)
    {
        try
        {
            directory.CheckLocalHeader(file, entry);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw Damaged(path, e.Message, entry.Name, e);
        }
    }

    /// <summary>Reads the entry to its end, comparing its length and CRC-32 with what the central directory recorded.</summary>
    private static void CheckContent(ZipArchiveEntry entry, ZipDirectoryEntry expected, string path)
    {
        var crc = new ZipCrc32();
        long length = 0;
        try
        {
            using var content = entry.Open();
            var buffer = new byte[81920];
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                crc.Append(buffer.AsSpan(0, read));
                length += read;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw Damaged(path, $"it cannot be read ({e.Message.TrimEnd('.')})", expected.Name, e);
        }

        if (length != expected.Length || crc.Value != expected.Crc32)
        {
            throw Damaged(path, "its content does not match the CRC-32 and length recorded for it: its bytes changed after it was written", expected.Name);
        }
    }

    private static bool IsModelStream(ZipDirectoryEntry entry) =>
        entry.Name == ModelLoadContext.ModelStreamName
        || entry.Name.EndsWith("/" + ModelLoadContext.ModelStreamName, StringComparison.Ordinal)
        || entry.Name.EndsWith("\\" + ModelLoadContext.ModelStreamName, StringComparison.Ordinal);

    /// <summary>Damage in one entry, or (when <paramref name="entry"/> is null) in the zip's directory records.</summary>
    private static ModelFormatException Damaged(string path, string problem, string? entry, Exception? cause = null) => new(
        entry is null
            ? $"Model file '{path}' is not a readable ML.NET model: its zip directory is damaged: {problem.TrimEnd('.')}."
            : $"Model file '{path}' is not a readable ML.NET model: its zip archive is damaged in entry '{entry}': {problem}.",
        entry,
        cause);

    /// <summary>Every zip archive ML.NET writes starts with a local file header, "PK\x03\x04".</summary>
    private static bool StartsLikeZip(Stream file) => Head(file, 4).AsSpan().SequenceEqual("PK\x03\x04"u8);

    /// <summary>What the file looks like instead, for the message: its first characters when it is text, else its first bytes.</summary>
    private static string Describe(Stream file)
    {
        var head = Head(file, 32);
        var text = Encoding.UTF8.GetString(head);
        return text.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t')
            ? $"it holds text, starting \"{text.ReplaceLineEndings(" ").Trim()}\""
            : $"it starts with the bytes {Convert.ToHexString(head, 0, Math.Min(head.Length, 8))}";
    }

    private static byte[] Head(Stream file, int count)
    {
        file.Position = 0;
        var head = new byte[(int)Math.Min(count, file.Length)];
        file.ReadExactly(head);
        return head;
    }
}
