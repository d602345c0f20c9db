namespace MlNetMlp.Pipelines;

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
    /// <returns>The images file first, then the labels file.</returns>
    public static (DataFileSpec Images, DataFileSpec Labels) Files(DataSplit split)
    {
        var (images, labels) = MnistDataset.CanonicalFileNames(split);
        return split == DataSplit.Test
            ? (Spec(images, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
               Spec(labels, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"))
            : (Spec(images, null), Spec(labels, null));
    }

    private static DataFileSpec Spec(string fileName, string? contentSha256) =>
        new(Path.Combine(CacheSubfolder, fileName), [.. Mirrors.Select(mirror => new Uri(mirror, fileName))], contentSha256);
}
