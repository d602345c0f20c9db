using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace MlNetMlp.Samples;

/// <summary>One IMDb review: its text and whether its rating is positive (7-10) or negative (1-4).</summary>
/// <param name="Text">The review, UTF-8 decoded, with its <c>&lt;br /&gt;</c> tags.</param>
/// <param name="Positive">True for a review under <c>pos/</c>.</param>
internal sealed record ImdbReview(string Text, bool Positive);

/// <summary>
/// Reads reviews straight from <c>aclImdb.tar.gz</c> (Maas et al., 2011), streaming through the archive
/// without extracting it. Deliberately tiny: the project's real readers live in MlNetMlp.Pipelines.
/// </summary>
internal static class ImdbReviewArchive
{
    /// <summary>
    /// The reviews of <paramref name="split"/> ("train" or "test") in archive order, at most
    /// <paramref name="perLabel"/> positive and as many negative ones (all of them when null).
    /// </summary>
    public static IEnumerable<ImdbReview> Read(string archivePath, string split, int? perLabel = null)
    {
        using var gzip = new GZipStream(File.OpenRead(archivePath), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        int positives = 0, negatives = 0;
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType != TarEntryType.RegularFile || entry.DataStream is null || !entry.Name.EndsWith(".txt", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = entry.Name.Split('/');
            if (parts.Length != 4 || parts[1] != split || parts[2] is not ("pos" or "neg"))
            {
                continue;
            }

            var positive = parts[2] == "pos";
            if ((positive ? positives : negatives) == perLabel)
            {
                if (positives == perLabel && negatives == perLabel)
                {
                    yield break;
                }

                continue;
            }

            positives += positive ? 1 : 0;
            negatives += positive ? 0 : 1;
            using var text = new StreamReader(entry.DataStream, Encoding.UTF8);
            yield return new ImdbReview(text.ReadToEnd(), positive);
        }
    }
}
