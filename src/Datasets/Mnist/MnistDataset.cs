using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets.Mnist;

namespace MlNetMlp.Datasets;

/// <summary>
/// Reads MNIST from its IDX files into a streaming <see cref="IDataView"/>: a cursor reads the files as it
/// goes, nothing is loaded up front and no second copy of the data is made.
/// </summary>
/// <remarks>
/// <para>Columns:</para>
/// <list type="bullet">
/// <item><description><c>Pixels</c>: a known-size vector of 784 <see cref="byte"/>, the 28 x 28 image row by
/// row, 0 (background) to 255 (ink). Bytes rather than floats because they are the file's own values,
/// exact, and a quarter of the size when cached; <c>NormalizePixels</c> turns them into Single in [0, 1].</description></item>
/// <item><description><c>Label</c>: a key of 10 values (<see cref="KeyDataViewType"/> over <see cref="uint"/>)
/// whose key values are the names "0" to "9"; digit d is key d + 1, as ML.NET keys are 1-based. ML.NET's
/// multiclass trainers and <c>Evaluate</c> take it directly (no <c>MapValueToKey</c> needed), and
/// <c>MapKeyToValue</c> on <c>PredictedLabel</c> gives back the digit's name. Do not append <c>MapValueToKey</c>:
/// on a key column ML.NET renumbers the classes in order of first appearance (the names stay right, the
/// class order of a confusion matrix does not).</description></item>
/// </list>
/// <para>The counts in the headers are trusted (a file may hold fewer than the canonical 60,000 images);
/// magic numbers, image size, matching counts, file lengths and label values are checked, and every
/// error names the file.</para>
/// </remarks>
public static class MnistDataset
{
    /// <summary>The side of an MNIST image in pixels.</summary>
    public const int ImageSide = 28;

    /// <summary>The length of the <c>Pixels</c> vector: 28 x 28.</summary>
    public const int PixelCount = ImageSide * ImageSide;

    /// <summary>The number of classes, the digits 0 to 9.</summary>
    public const int ClassCount = 10;

    /// <summary>The name of the pixel column.</summary>
    public const string PixelsColumnName = "Pixels";

    /// <summary>The name of the label column.</summary>
    public const string LabelColumnName = "Label";

    internal const int ImagesMagic = 2051;
    internal const int LabelsMagic = 2049;

    /// <summary>Reads an image file and its label file, each gzipped or not.</summary>
    /// <param name="imagesPath">An IDX images file such as <c>train-images-idx3-ubyte.gz</c>.</param>
    /// <param name="labelsPath">The matching IDX labels file such as <c>train-labels-idx1-ubyte.gz</c>.</param>
    /// <returns>A streaming view with the columns <c>Pixels</c> and <c>Label</c>.</returns>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not the expected IDX file; the message names it.</exception>
    public static IDataView Load(string imagesPath, string labelsPath)
    {
        RequireFile(imagesPath, "images");
        RequireFile(labelsPath, "labels");
        return Load(
            $"MNIST images file '{imagesPath}'", () => File.OpenRead(imagesPath),
            $"MNIST labels file '{labelsPath}'", () => File.OpenRead(labelsPath));
    }

    /// <summary>
    /// Reads one split from a folder laid out like the MNIST distribution: <c>train-images-idx3-ubyte</c>,
    /// <c>train-labels-idx1-ubyte</c>, <c>t10k-images-idx3-ubyte</c>, <c>t10k-labels-idx1-ubyte</c>, each
    /// optionally ending in <c>.gz</c> (the <c>train-images.idx3-ubyte</c> spelling is found too).
    /// </summary>
    /// <param name="folder">The folder holding the files.</param>
    /// <param name="split">Which pair of files to read.</param>
    /// <returns>A streaming view with the columns <c>Pixels</c> and <c>Label</c>.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A file is missing; the message lists every name tried.</exception>
    public static IDataView LoadFolder(string folder, DataSplit split)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"MNIST folder '{Path.GetFullPath(folder)}' does not exist.");
        }

        return Load(FindFile(folder, split, "images", 3), FindFile(folder, split, "labels", 1));
    }

    /// <summary>Reads an image file without labels, e.g. digits to predict; gzipped or not.</summary>
    /// <param name="imagesPath">An IDX images file.</param>
    /// <returns>A streaming view with the single column <c>Pixels</c>.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not an IDX images file of 28 x 28 images; the message names it.</exception>
    public static IDataView LoadImages(string imagesPath)
    {
        RequireFile(imagesPath, "images");
        var images = OpenImages($"MNIST images file '{imagesPath}'", () => File.OpenRead(imagesPath));
        return new SequentialDataView(ImagesOnlySchema, images.Count, active => new MnistRows(images, labels: null, .., active, pixelsColumn: 0, labelColumn: -1));
    }

    /// <summary>The file names of a split as the MNIST distribution spells them, gzipped: images first, then labels.</summary>
    /// <param name="split">The split.</param>
    /// <returns>For example <c>("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")</c>.</returns>
    public static (string Images, string Labels) CanonicalFileNames(DataSplit split)
    {
        var prefix = Prefix(split);
        return ($"{prefix}-images-idx3-ubyte.gz", $"{prefix}-labels-idx1-ubyte.gz");
    }

    internal static IDataView Load(string imagesDescription, Func<Stream> openImages, string labelsDescription, Func<Stream> openLabels) =>
        Load(imagesDescription, openImages, labelsDescription, openLabels, Range.All);

    /// <summary>Reads the items <paramref name="rows"/> of an image stream and its label stream.</summary>
    internal static IDataView Load(string imagesDescription, Func<Stream> openImages, string labelsDescription, Func<Stream> openLabels, Range rows)
    {
        var images = OpenImages(imagesDescription, openImages);
        var labels = IdxSource.Open(labelsDescription, openLabels, LabelsMagic);
        if (images.Count != labels.Count)
        {
            throw new InvalidDataException(
                $"{imagesDescription} holds {images.Count} images but {labelsDescription} holds {labels.Count} labels; expected the same count.");
        }

        labels.CheckStoredLength(1);
        var schema = Schema;
        var pixels = schema[PixelsColumnName].Index;
        var label = schema[LabelColumnName].Index;
        var rowCount = rows.GetOffsetAndLength(images.Count).Length;
        return new SequentialDataView(schema, rowCount, active => new MnistRows(images, labels, rows, active, pixels, label));
    }

    private static IdxSource OpenImages(string description, Func<Stream> open)
    {
        var images = IdxSource.Open(description, open, ImagesMagic);
        if (images.Dimensions[1] != ImageSide || images.Dimensions[2] != ImageSide)
        {
            throw new InvalidDataException(
                $"{description}: expected {ImageSide} x {ImageSide} images, found {images.Dimensions[1]} x {images.Dimensions[2]}.");
        }

        images.CheckStoredLength(PixelCount);
        return images;
    }

    private static DataViewSchema ImagesOnlySchema { get; } = BuildImagesOnlySchema();

    private static DataViewSchema BuildImagesOnlySchema()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(PixelsColumnName, new VectorDataViewType(NumberDataViewType.Byte, PixelCount));
        return builder.ToSchema();
    }

    private static DataViewSchema Schema { get; } = BuildSchema();

    private static DataViewSchema BuildSchema()
    {
        var digits = Enumerable.Range(0, ClassCount).Select(digit => digit.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var builder = new DataViewSchema.Builder();
        builder.AddColumn(PixelsColumnName, new VectorDataViewType(NumberDataViewType.Byte, PixelCount));
        builder.AddColumn(LabelColumnName, new KeyDataViewType(typeof(uint), ClassCount), ClassNameAnnotations.Build(ClassNameAnnotations.KeyValues, digits));
        return builder.ToSchema();
    }

    private static string FindFile(string folder, DataSplit split, string kind, int dimensions)
    {
        var prefix = Prefix(split);
        string[] names =
        [
            $"{prefix}-{kind}-idx{dimensions}-ubyte.gz",
            $"{prefix}-{kind}-idx{dimensions}-ubyte",
            $"{prefix}-{kind}.idx{dimensions}-ubyte.gz",
            $"{prefix}-{kind}.idx{dimensions}-ubyte",
        ];
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(
            $"No MNIST {split.ToString().ToLowerInvariant()} {kind} in '{Path.GetFullPath(folder)}': looked for {string.Join(", ", names)}. " +
            $"{MnistDownload.HowToGet}");
    }

    private static string Prefix(DataSplit split) => split switch
    {
        DataSplit.Train => "train",
        DataSplit.Test => "t10k",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Expected DataSplit.Train or DataSplit.Test."),
    };

    private static void RequireFile(string path, string kind)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"MNIST {kind} file '{Path.GetFullPath(path)}' does not exist.", path);
        }
    }
}
