using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets.Imdb;

namespace MlNetMlp.Datasets;

/// <summary>
/// Reads the IMDb movie reviews (Large Movie Review Dataset, Maas et al. 2011) into a streaming
/// <see cref="IDataView"/> with the columns <c>Text</c> (string) and <c>Label</c> (bool, true = positive),
/// the types ML.NET's binary trainers and <c>FeaturizeText</c> expect. Nothing is loaded up front: each
/// cursor reads the folder, archive or file again.
/// </summary>
/// <remarks>
/// Row order is deterministic but grouped: the folder reader gives the negative reviews then the positive
/// ones (files in name order), the archive reader gives them in archive order. Shuffle before training
/// (<c>mlContext.Data.ShuffleRows</c>) as <c>keras.datasets.imdb</c> does. The text is as stored,
/// <c>&lt;br /&gt;</c> tags included.
/// </remarks>
public static class ImdbDataset
{
    /// <summary>The name of the review text column.</summary>
    public const string TextColumnName = "Text";

    /// <summary>The name of the label column.</summary>
    public const string LabelColumnName = "Label";

    /// <summary>Reads whatever <paramref name="path"/> is: an <c>aclImdb</c> folder (or its parent), a <c>.tar.gz</c>/<c>.tgz</c>/<c>.tar</c>, or a <c>.csv</c>/<c>.tsv</c>.</summary>
    /// <param name="path">The folder or file.</param>
    /// <param name="split">The split to read from a folder or archive; a CSV/TSV file holds one split and is read whole.</param>
    /// <returns>A streaming view with the columns <c>Text</c> and <c>Label</c>.</returns>
    /// <exception cref="FileNotFoundException">Nothing exists at the path.</exception>
    /// <exception cref="ArgumentException">The file's extension is none of the supported ones.</exception>
    public static IDataView Load(string path, DataSplit split)
    {
        if (Directory.Exists(path))
        {
            return LoadFolder(path, split);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IMDb data '{Path.GetFullPath(path)}' does not exist. {ImdbDownload.HowToGet}", path);
        }

        var name = path.ToLowerInvariant();
        if (name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal) || name.EndsWith(".tar", StringComparison.Ordinal))
        {
            return LoadArchive(path, split);
        }

        if (name.EndsWith(".csv", StringComparison.Ordinal) || name.EndsWith(".tsv", StringComparison.Ordinal))
        {
            return LoadDelimited(path);
        }

        throw new ArgumentException(
            $"Expected an aclImdb folder, a .tar.gz/.tgz/.tar archive or a .csv/.tsv file. Received: path={path}", nameof(path));
    }

    /// <summary>Reads a split from the extracted <c>aclImdb</c> folder: <c>{split}/pos/*.txt</c> and <c>{split}/neg/*.txt</c>.</summary>
    /// <param name="folder">The <c>aclImdb</c> folder, or the folder that contains it.</param>
    /// <param name="split">Train or test.</param>
    /// <returns>A streaming view with the columns <c>Text</c> and <c>Label</c>; its row count is known.</returns>
    /// <exception cref="DirectoryNotFoundException">The <c>pos</c> or <c>neg</c> folder is missing; the message names where it looked.</exception>
    public static IDataView LoadFolder(string folder, DataSplit split)
    {
        var root = Directory.Exists(Path.Combine(folder, "aclImdb")) ? Path.Combine(folder, "aclImdb") : folder;
        var splitFolder = Path.Combine(root, FolderName(split));
        var negative = ReviewFiles(Path.Combine(splitFolder, "neg"));
        var positive = ReviewFiles(Path.Combine(splitFolder, "pos"));
        var reviews = negative.Select(path => (path, false)).Concat(positive.Select(path => (path, true)));
        return View(
            negative.Length + positive.Length,
            readText => reviews.Select(file => new Review(readText ? File.ReadAllText(file.path) : string.Empty, file.Item2)));
    }

    /// <summary>Reads a split straight from <c>aclImdb_v1.tar.gz</c> (or a plain <c>.tar</c>) without extracting it.</summary>
    /// <param name="archivePath">The archive.</param>
    /// <param name="split">Train or test.</param>
    /// <returns>A streaming view with the columns <c>Text</c> and <c>Label</c>; its row count is unknown until read.</returns>
    /// <exception cref="InvalidDataException">The file is not a readable tar archive (the message names it).</exception>
    public static IDataView LoadArchive(string archivePath, DataSplit split)
    {
        if (!File.Exists(archivePath))
        {
            throw new FileNotFoundException($"IMDb archive '{Path.GetFullPath(archivePath)}' does not exist. {ImdbDownload.HowToGet}", archivePath);
        }

        ImdbArchive.CheckReadable(archivePath);
        return View(rowCount: null, readText => ImdbArchive.Read(archivePath, split, readText));
    }

    /// <summary>Reads a CSV or TSV file with a header row that names a text column and a label column.</summary>
    /// <param name="path">The file; a <c>.tsv</c> is tab-separated, anything else comma-separated unless <paramref name="separator"/> says otherwise.</param>
    /// <param name="textColumn">The header name of the text column (case-insensitive); when null, <c>text</c> or else <c>review</c>.</param>
    /// <param name="labelColumn">
    /// The header name of the label column (case-insensitive), values 1/0, true/false, pos/neg or positive/negative;
    /// when null, <c>label</c> or else <c>sentiment</c> (the spelling of the widespread "IMDB Dataset.csv").
    /// </param>
    /// <param name="separator">The field separator, when the extension does not tell.</param>
    /// <returns>A streaming view with the columns <c>Text</c> and <c>Label</c>.</returns>
    /// <exception cref="InvalidDataException">The header lacks a column, or a row is malformed; the message names the file and line.</exception>
    public static IDataView LoadDelimited(string path, string? textColumn = null, string? labelColumn = null, char? separator = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Reviews file '{Path.GetFullPath(path)}' does not exist.", path);
        }

        var fieldSeparator = separator ?? (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',');
        var reviews = DelimitedReviews.Open(
            path, fieldSeparator, textColumn is null ? ["text", "review"] : [textColumn], labelColumn is null ? ["label", "sentiment"] : [labelColumn]);
        return View(rowCount: null, _ => reviews.Read());
    }

    internal static string FolderName(DataSplit split) => split switch
    {
        DataSplit.Train => "train",
        DataSplit.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Expected DataSplit.Train or DataSplit.Test."),
    };

    private static string[] ReviewFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"IMDb folder '{Path.GetFullPath(folder)}' does not exist: expected aclImdb/{{train,test}}/{{pos,neg}}/*.txt. {ImdbDownload.HowToGet}");
        }

        var files = Directory.GetFiles(folder, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>A view over reviews; <paramref name="reviews"/> is told whether the text column is active, so a label-only pass can skip reading the texts.</summary>
    private static IDataView View(long? rowCount, Func<bool, IEnumerable<Review>> reviews)
    {
        var schema = Schema;
        var text = schema[TextColumnName].Index;
        return new SequentialDataView(schema, rowCount, active => new ReviewRows(reviews(active[text]), text));
    }

    private static DataViewSchema Schema { get; } = BuildSchema();

    private static DataViewSchema BuildSchema()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(TextColumnName, TextDataViewType.Instance);
        builder.AddColumn(LabelColumnName, BooleanDataViewType.Instance);
        return builder.ToSchema();
    }
}
