using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace MlNetMlp.Datasets.Imdb;

/// <summary>
/// Reads reviews straight out of <c>aclImdb_v1.tar.gz</c> (or a plain <c>.tar</c>) with System.Formats.Tar,
/// entry by entry, without extracting anything to disk.
/// </summary>
internal static partial class ImdbArchive
{
    /// <summary>Yields the reviews of a split in archive order (with empty texts unless <paramref name="readText"/>); fails at the end if the archive held none.</summary>
    public static IEnumerable<Review> Read(string path, DataSplit split, bool readText)
    {
        var wanted = ImdbDataset.FolderName(split);
        var found = 0;
        using var file = File.OpenRead(path);
        using var content = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var tar = new TarReader(content);
        while (NextEntry(tar, path) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            var match = ReviewPath().Match(entry.Name);
            if (!match.Success || match.Groups["split"].Value != wanted)
            {
                continue;
            }

            found++;
            var positive = match.Groups["label"].Value == "pos";
            if (!readText)
            {
                yield return new Review(string.Empty, positive);
                continue;
            }

            using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
            yield return new Review(reader.ReadToEnd(), positive);
        }

        if (found == 0)
        {
            throw new InvalidDataException(
                $"IMDb archive '{path}' holds no reviews of the {wanted} split: expected entries such as aclImdb/{wanted}/pos/0_9.txt.");
        }
    }

    /// <summary>Checks the file opens as a tar archive (gzipped or not) before any cursor is made.</summary>
    public static void CheckReadable(string path)
    {
        using var file = File.OpenRead(path);
        using var content = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var tar = new TarReader(content);
        if (NextEntry(tar, path) is null)
        {
            throw new InvalidDataException($"IMDb archive '{path}' is empty: expected the aclImdb folder as a .tar.gz.");
        }
    }

    private static TarEntry? NextEntry(TarReader tar, string path)
    {
        try
        {
            return tar.GetNextEntry();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new InvalidDataException($"IMDb archive '{path}' is not a readable .tar.gz: {e.Message}", e);
        }
    }

    private static bool IsGzip(FileStream file)
    {
        var gzip = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        return gzip;
    }

    [GeneratedRegex(@"(^|/)(?<split>train|test)/(?<label>pos|neg)/[^/]+\.txt$")]
    private static partial Regex ReviewPath();
}
