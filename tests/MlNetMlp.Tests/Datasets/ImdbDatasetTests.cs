using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Datasets;

[TestClass]
public sealed class ImdbDatasetTests
{
    private static readonly (string Path, string Text)[] SmallCorpus =
    [
        ("aclImdb/train/pos/0_9.txt", "A fine film.<br /><br />Loved it."),
        ("aclImdb/train/neg/0_2.txt", "Dull, long, and \"funny\" only by accident."),
        ("aclImdb/train/neg/1_1.txt", "Älskade inte — unicode survives."),
        ("aclImdb/test/pos/0_10.txt", "Test split, positive."),
        ("aclImdb/test/neg/0_4.txt", "Test split, negative."),
        ("aclImdb/train/unsup/0_0.txt", "Unlabelled: never read."),
        ("aclImdb/README", "not a review"),
    ];

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void ImdbDataset_LoadArchive_GeneratedArchiveGivesOneSplitWithLabels(bool gzip)
    {
        using var folder = new TemporaryDirectory();
        var archive = WriteArchive(folder.File(gzip ? "small.tar.gz" : "small.tar"), gzip);

        var train = ReadAll(ImdbDataset.LoadArchive(archive, DataSplit.Train));
        var test = ReadAll(ImdbDataset.Load(archive, DataSplit.Test));

        CollectionAssert.AreEqual(
            new[] { ("A fine film.<br /><br />Loved it.", true), ("Dull, long, and \"funny\" only by accident.", false), ("Älskade inte — unicode survives.", false) },
            train);
        CollectionAssert.AreEqual(new[] { ("Test split, positive.", true), ("Test split, negative.", false) }, test);
    }

    [TestMethod]
    public void ImdbDataset_LoadFolder_ReadsNegativeThenPositiveFromFolderOrParent()
    {
        using var folder = new TemporaryDirectory();
        foreach (var (path, text) in SmallCorpus)
        {
            var file = Path.Combine(folder.Path, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text, Encoding.UTF8);
        }

        var fromParent = ImdbDataset.Load(folder.Path, DataSplit.Train);
        var fromFolder = ImdbDataset.LoadFolder(folder.File("aclImdb"), DataSplit.Train);

        Assert.AreEqual(3L, fromParent.GetRowCount());
        var expected = new[] { ("Dull, long, and \"funny\" only by accident.", false), ("Älskade inte — unicode survives.", false), ("A fine film.<br /><br />Loved it.", true) };
        CollectionAssert.AreEqual(expected, ReadAll(fromParent));
        CollectionAssert.AreEqual(expected, ReadAll(fromFolder));
    }

    [TestMethod]
    public void ImdbDataset_LoadFolder_LabelOnlyCursorDoesNotOpenTheReviews()
    {
        using var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.File("aclImdb/test/pos"));
        Directory.CreateDirectory(folder.File("aclImdb/test/neg"));
        File.WriteAllText(folder.File("aclImdb/test/pos/0_9.txt"), "kept");
        File.WriteAllText(folder.File("aclImdb/test/neg/1_2.txt"), "deleted after listing");

        var data = ImdbDataset.LoadFolder(folder.Path, DataSplit.Test);
        File.Delete(folder.File("aclImdb/test/neg/1_2.txt"));
        var labels = new List<bool>();
        using (var cursor = data.GetRowCursor([data.Schema["Label"]]))
        {
            var label = cursor.GetGetter<bool>(data.Schema["Label"]);
            var value = false;
            while (cursor.MoveNext())
            {
                label(ref value);
                labels.Add(value);
            }
        }

        CollectionAssert.AreEqual(new[] { false, true }, labels, "the labels come from the listing; no review file is opened");
        Assert.ThrowsExactly<FileNotFoundException>(() => ReadAll(data));
    }

    [TestMethod]
    public void ImdbDataset_LoadFolder_MissingSplitFolderSaysWhereItLooked()
    {
        using var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.File("aclImdb/train/pos"));

        var error = Assert.ThrowsExactly<DirectoryNotFoundException>(() => ImdbDataset.LoadFolder(folder.Path, DataSplit.Train));

        StringAssert.Contains(error.Message, Path.Combine(folder.Path, "aclImdb", "train", "neg"));
        StringAssert.Contains(error.Message, "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz");
    }

    [TestMethod]
    public void ImdbDataset_LoadArchive_RealArchiveTestSplit()
    {
        var archive = TestPaths.RequireSharedData("imdb/aclImdb.tar.gz");

        var data = ImdbDataset.LoadArchive(archive, DataSplit.Test);
        var mlContext = new MLContext(seed: 1);
        var rows = mlContext.Data.CreateEnumerable<ReviewRow>(data, reuseRowObject: false).ToList();

        Assert.HasCount(25_000, rows);
        Assert.AreEqual(12_500, rows.Count(row => row.Label));
        Assert.IsTrue(rows.Any(row => row.Label && row.Text.StartsWith("I went and saw this movie last night after being coaxed to by a few friends of m", StringComparison.Ordinal)));
        Assert.IsTrue(rows.All(row => row.Text.Length > 0));
    }

    [TestMethod]
    public void ImdbDataset_LoadArchive_CorruptArchiveNamesTheFile()
    {
        using var folder = new TemporaryDirectory();
        var archive = folder.File("broken.tar.gz");
        using (var gzip = new GZipStream(File.Create(archive), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.ASCII.GetBytes(new string('x', 2000)));
        }

        var error = Assert.ThrowsExactly<InvalidDataException>(() => ImdbDataset.LoadArchive(archive, DataSplit.Train));

        StringAssert.Contains(error.Message, archive);
    }

    [TestMethod]
    public void ImdbDataset_LoadArchive_ArchiveWithoutReviewsNamesTheSplit()
    {
        using var folder = new TemporaryDirectory();
        var archive = folder.File("other.tar.gz");
        using (var gzip = new GZipStream(File.Create(archive), CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "notes/readme.txt") { DataStream = new MemoryStream([1, 2, 3]) });
        }

        var data = ImdbDataset.LoadArchive(archive, DataSplit.Train);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ReadAll(data));

        StringAssert.Contains(error.Message, "holds no reviews of the train split");
    }

    [TestMethod]
    public void ImdbDataset_LoadDelimited_CsvWithQuotesCommasAndLineBreaks()
    {
        using var folder = new TemporaryDirectory();
        var csv = folder.File("reviews.csv");
        File.WriteAllText(csv,
            "id,Review,Sentiment\r\n" +
            "1,\"Great, really \"\"great\"\".\",positive\r\n" +
            "2,\"Two\nlines\",0\r\n" +
            "\r\n" +
            "3,plain,TRUE\n" +
            "4,meh,neg\n");

        var rows = ReadAll(ImdbDataset.LoadDelimited(csv, textColumn: "review", labelColumn: "sentiment"));

        CollectionAssert.AreEqual(new[] { ("Great, really \"great\".", true), ("Two\nlines", false), ("plain", true), ("meh", false) }, rows);
    }

    [TestMethod]
    public void ImdbDataset_LoadDelimited_FindsReviewAndSentimentColumnsByDefault()
    {
        using var folder = new TemporaryDirectory();
        var csv = folder.File("IMDB Dataset.csv");
        File.WriteAllText(csv, "review,sentiment\n\"One of the best, truly.\",positive\nAwful.,negative\n");

        var rows = ReadAll(ImdbDataset.Load(csv, DataSplit.Train));

        CollectionAssert.AreEqual(new[] { ("One of the best, truly.", true), ("Awful.", false) }, rows);
    }

    [TestMethod]
    public void ImdbDataset_Load_TsvBySuffix()
    {
        using var folder = new TemporaryDirectory();
        var tsv = folder.File("reviews.tsv");
        File.WriteAllText(tsv, "label\ttext\n1\tcommas, stay\n0\tbad\n");

        var rows = ReadAll(ImdbDataset.Load(tsv, DataSplit.Train));

        CollectionAssert.AreEqual(new[] { ("commas, stay", true), ("bad", false) }, rows);
    }

    [TestMethod]
    public void ImdbDataset_LoadDelimited_BadHeaderAndBadLabelNameFileAndLine()
    {
        using var folder = new TemporaryDirectory();
        var noLabel = folder.File("no-label.csv");
        File.WriteAllText(noLabel, "text,score\nfine,1\n");
        var badLabel = folder.File("bad-label.csv");
        File.WriteAllText(badLabel, "text,label\nfine,1\n\"two\nlines\",1\nodd,maybe\n");

        var header = Assert.ThrowsExactly<InvalidDataException>(() => ImdbDataset.LoadDelimited(noLabel));
        var label = Assert.ThrowsExactly<InvalidDataException>(() => ReadAll(ImdbDataset.LoadDelimited(badLabel)));

        StringAssert.Contains(header.Message, noLabel);
        StringAssert.Contains(header.Message, "expected a column named 'label' or 'sentiment' in the header, found 'text', 'score'");
        StringAssert.Contains(label.Message, $"'{badLabel}', line 5");
        StringAssert.Contains(label.Message, "found 'maybe'");
    }

    [TestMethod]
    public void ImdbDataset_Load_UnknownExtensionAndMissingPath()
    {
        using var folder = new TemporaryDirectory();
        var json = folder.File("reviews.json");
        File.WriteAllText(json, "{}");

        var extension = Assert.ThrowsExactly<ArgumentException>(() => ImdbDataset.Load(json, DataSplit.Train));
        var missing = Assert.ThrowsExactly<FileNotFoundException>(() => ImdbDataset.Load(folder.File("absent.tar.gz"), DataSplit.Train));

        StringAssert.Contains(extension.Message, "Received: path=" + json);
        StringAssert.Contains(missing.Message, folder.File("absent.tar.gz"));
    }

    private static string WriteArchive(string path, bool gzip)
    {
        using var file = File.Create(path);
        using Stream output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var tar = new TarWriter(output);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "aclImdb/train/pos/"));
        foreach (var (entryPath, text) in SmallCorpus)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entryPath) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        }

        return path;
    }

    private static (string Text, bool Label)[] ReadAll(IDataView data) =>
        [.. new MLContext().Data.CreateEnumerable<ReviewRow>(data, reuseRowObject: false).Select(row => (row.Text, row.Label))];

    private sealed class ReviewRow
    {
        public string Text { get; set; } = string.Empty;

        public bool Label { get; set; }
    }
}
