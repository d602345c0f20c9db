namespace MlNetMlp.Pipelines;

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
}
