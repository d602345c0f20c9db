namespace MlNetMlp.Datasets;

/// <summary>Where MNIST's IDX files are published, and the hashes this project has verified.</summary>
/// <remarks>
/// Mirrors, tried in order: Google's CVDF mirror (used by TensorFlow), PyTorch's mirror (used by
/// torchvision), and Yann LeCun's original site. The hashes are of the decompressed IDX files, computed
/// from copies whose test files are byte-identical to the canonical ones. No verified hash is known here
/// for the 60,000-image training files, so downloading them needs a hash from the caller or an explicit
/// <c>allowUnverified</c> (the reader still checks the IDX structure).
/// </remarks>
public static class MnistDownload
{
    /// <summary>The folder under the cache where MNIST files go.</summary>
    public const string CacheSubfolder = "mnist";

    /// <summary>The mirrors, tried in order.</summary>
    public static IReadOnlyList<Uri> Mirrors { get; } =
    [
        new("https://storage.googleapis.com/cvdf-datasets/mnist/"),
        new("https://ossci-datasets.s3.amazonaws.com/mnist/"),
        new("http://yann.lecun.com/exdb/mnist/"),
    ];

    /// <summary>How to get MNIST by hand; used in error messages.</summary>
    public static string HowToGet =>
        $"Get the four IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, " +
        $"t10k-labels-idx1-ubyte.gz) from {Mirrors[0]} and point the program at their folder, or copy them to " +
        $"'{Path.Combine(DataCache.Folder, CacheSubfolder)}'.";

    /// <summary>The image and label files of a split, gzipped, with their verified content hashes where known.</summary>
    /// <param name="split">The split.</param>
    /// <param name="mirrors">Base addresses to download from instead of <see cref="Mirrors"/> (an internal mirror, a test server).</param>
    /// <returns>The images file first, then the labels file.</returns>
    public static (DataFileSpec Images, DataFileSpec Labels) Files(DataSplit split, IReadOnlyList<Uri>? mirrors = null)
    {
        var (images, labels) = MnistDataset.CanonicalFileNames(split);
        var from = mirrors ?? Mirrors;
        return split == DataSplit.Test
            ? (Spec(images, from, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
               Spec(labels, from, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"))
            : (Spec(images, from, null), Spec(labels, from, null));
    }

    /// <summary>Gets a split into the cache when it is not there yet (verifying it), then reads it.</summary>
    /// <param name="split">The split.</param>
    /// <param name="downloader">The downloader and its cache; a default one when null.</param>
    /// <param name="allowUnverified">Accept files without a known hash (the training files); the IDX structure is still checked.</param>
    /// <param name="mirrors">Base addresses to download from instead of <see cref="Mirrors"/>.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A streaming view with the columns <c>Pixels</c> and <c>Label</c>.</returns>
    /// <exception cref="DataUnavailableException">The files are not cached and cannot be downloaded; the message says where it looked.</exception>
    public static async Task<Microsoft.ML.IDataView> LoadAsync(
        DataSplit split, DataDownloader? downloader = null, bool allowUnverified = false, IReadOnlyList<Uri>? mirrors = null,
        CancellationToken cancellationToken = default)
    {
        var getter = downloader ?? new DataDownloader();
        var (images, labels) = Files(split, mirrors);
        var imagesFile = await getter.GetAsync(images, allowUnverified: allowUnverified, cancellationToken: cancellationToken).ConfigureAwait(false);
        var labelsFile = await getter.GetAsync(labels, allowUnverified: allowUnverified, cancellationToken: cancellationToken).ConfigureAwait(false);
        return MnistDataset.Load(imagesFile.Path, labelsFile.Path);
    }

    private static DataFileSpec Spec(string fileName, IReadOnlyList<Uri> mirrors, string? contentSha256) =>
        new(Path.Combine(CacheSubfolder, fileName), [.. mirrors.Select(mirror => new Uri(mirror, fileName))], contentSha256);
}
