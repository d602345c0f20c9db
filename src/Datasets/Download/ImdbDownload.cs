namespace MlNetMlp.Datasets;

/// <summary>Where the Large Movie Review Dataset is published.</summary>
/// <remarks>
/// Stanford's archive also holds the 50,000 unlabelled <c>unsup</c> reviews, which the reader skips.
/// No hash of it has been verified here, so downloading it needs a hash from the caller or an explicit
/// <c>allowUnverified</c>.
/// </remarks>
public static class ImdbDownload
{
    /// <summary>The archive as the cache names it, with its canonical location.</summary>
    public static DataFileSpec Archive { get; } = new(
        Path.Combine("imdb", "aclImdb_v1.tar.gz"),
        [new Uri("https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz")],
        ContentSha256: null);

    /// <summary>How to get the reviews by hand; used in error messages.</summary>
    public static string HowToGet =>
        $"Download {Archive.Urls[0]} (the Large Movie Review Dataset, Maas et al. 2011) and point the program at the .tar.gz " +
        $"or at its extracted aclImdb folder, or copy it to '{Path.Combine(DataCache.Folder, Archive.FileName)}'.";

    /// <summary>Gets the archive into the cache when it is not there yet, then reads a split from it without extracting.</summary>
    /// <param name="split">Train or test.</param>
    /// <param name="downloader">The downloader and its cache; a default one when null.</param>
    /// <param name="expectedContentSha256">The SHA-256 of the decompressed archive, when the caller knows it.</param>
    /// <param name="allowUnverified">Accept the archive without a hash; the reader still checks its structure.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A streaming view with the columns <c>Text</c> and <c>Label</c>.</returns>
    /// <exception cref="DataUnavailableException">The archive is not cached and cannot be downloaded; the message says where it looked.</exception>
    public static async Task<Microsoft.ML.IDataView> LoadAsync(
        DataSplit split, DataDownloader? downloader = null, string? expectedContentSha256 = null, bool allowUnverified = false,
        CancellationToken cancellationToken = default)
    {
        var file = await (downloader ?? new DataDownloader())
            .GetAsync(Archive, expectedContentSha256, allowUnverified, cancellationToken).ConfigureAwait(false);
        return ImdbDataset.LoadArchive(file.Path, split);
    }
}
