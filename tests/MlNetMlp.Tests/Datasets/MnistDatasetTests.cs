using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Datasets;

[TestClass]
public sealed class MnistDatasetTests
{
    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void MnistDataset_Load_GeneratedFilesGiveTheirPixelsAndLabels(bool gzip)
    {
        using var folder = new TemporaryDirectory();
        var (images, labels) = MnistRowsReader.WriteThreeImages(folder.Path, gzip);

        var data = MnistDataset.Load(images, labels);
        var rows = MnistRowsReader.ReadAll(data);

        Assert.AreEqual(3L, data.GetRowCount());
        Assert.HasCount(3, rows);
        CollectionAssert.AreEqual(new uint[] { 4, 1, 10 }, rows.Select(r => r.Label).ToArray(), "digit d is key d + 1");
        Assert.AreEqual((byte)((14 + 500) % 256), rows[2].Pixels[500]);
        Assert.AreEqual((byte)0, rows[0].Pixels[0]);
        Assert.AreEqual((byte)255, rows[0].Pixels[255]);
    }

    [TestMethod]
    public void MnistDataset_Schema_IsByteVectorAndKeyWithDigitNames()
    {
        var schema = MnistSample.Load(DataSplit.Test).Schema;

        var pixels = (VectorDataViewType)schema["Pixels"].Type;
        Assert.AreEqual(NumberDataViewType.Byte, pixels.ItemType);
        Assert.AreEqual(784, pixels.Size);
        var label = schema["Label"];
        Assert.AreEqual(10UL, ((KeyDataViewType)label.Type).Count);
        VBuffer<ReadOnlyMemory<char>> names = default;
        label.GetKeyValues(ref names);
        CollectionAssert.AreEqual(
            Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            names.DenseValues().Select(n => n.ToString()).ToArray());
    }

    [TestMethod]
    public void MnistDataset_LoadFolder_RealTrainingFilesGzipped()
    {
        var images = TestPaths.RequireSharedData("mnist/train-images-idx3-ubyte.gz");

        var data = MnistDataset.LoadFolder(Path.GetDirectoryName(images)!, DataSplit.Train);
        var rows = MnistRowsReader.ReadAll(data);

        Assert.AreEqual(10_000L, data.GetRowCount(), "the header says 10,000 and is trusted");
        Assert.HasCount(10_000, rows);
        Assert.AreEqual(6u, rows[0].Label, "the first MNIST training digit is a 5 (key 6)");
        Assert.AreEqual(8u, rows[^1].Label, "the 10,000th is a 7");
        Assert.AreEqual((byte)0, rows[0].Pixels[151]);
        Assert.AreEqual((byte)3, rows[0].Pixels[152]);
        Assert.AreEqual((byte)18, rows[0].Pixels[153]);
        Assert.AreEqual(27_525, rows[0].Pixels.Sum(p => p));
        Assert.AreEqual((byte)65, rows[^1].Pixels[209]);
    }

    [TestMethod]
    public void MnistDataset_Load_RealTestFilesDecompressedGiveTheSameRowsAsGzipped()
    {
        var imagesGz = TestPaths.RequireSharedData("mnist/t10k-images-idx3-ubyte.gz");
        var labelsGz = TestPaths.RequireSharedData("mnist/t10k-labels-idx1-ubyte.gz");
        using var folder = new TemporaryDirectory();
        var images = Decompress(imagesGz, folder.File("t10k-images-idx3-ubyte"));
        var labels = Decompress(labelsGz, folder.File("t10k-labels-idx1-ubyte"));

        var raw = MnistRowsReader.ReadAll(MnistDataset.LoadFolder(folder.Path, DataSplit.Test));
        var gzipped = MnistRowsReader.ReadAll(MnistDataset.Load(imagesGz, labelsGz));

        Assert.HasCount(10_000, raw);
        Assert.AreEqual(8u, raw[0].Label, "the first MNIST test digit is a 7");
        Assert.AreEqual((byte)84, raw[0].Pixels[202]);
        Assert.AreEqual((byte)185, raw[0].Pixels[203]);
        Assert.AreEqual(7u, raw[^1].Label, "the last is a 6");
        for (var i = 0; i < raw.Count; i++)
        {
            Assert.AreEqual(gzipped[i].Label, raw[i].Label);
            CollectionAssert.AreEqual(gzipped[i].Pixels, raw[i].Pixels);
        }
    }

    [TestMethod]
    public void MnistDataset_Load_OnlyTheLabelColumnReadsOnlyTheLabels()
    {
        using var folder = new TemporaryDirectory();
        var (_, labels) = MnistRowsReader.WriteThreeImages(folder.Path, gzip: false);
        var images = folder.File("images-header-only");
        MnistRowsReader.WriteIdx(images, 2051, [3, 28, 28], new byte[3 * 784], gzip: true);

        var data = MnistDataset.Load(images, labels);
        using var cursor = data.GetRowCursor([data.Schema["Label"]]);
        var count = 0;
        while (cursor.MoveNext())
        {
            count++;
        }

        Assert.AreEqual(3, count);
        Assert.IsFalse(cursor.IsColumnActive(data.Schema["Pixels"]));
    }

    [TestMethod]
    public void MnistDataset_LoadImages_ReadsPixelsWithoutLabels()
    {
        var images = TestPaths.RequireSharedData("mnist/t10k-images-idx3-ubyte.gz");

        var data = MnistDataset.LoadImages(images);
        var first = data.GetColumn<VBuffer<byte>>("Pixels").First().DenseValues().ToArray();
        using var folder = new TemporaryDirectory();
        var (_, labels) = MnistRowsReader.WriteThreeImages(folder.Path, gzip: false);

        Assert.HasCount(1, data.Schema);
        Assert.AreEqual(10_000L, data.GetRowCount());
        Assert.AreEqual((byte)185, first[203]);
        Assert.AreEqual(10_000, data.GetColumn<VBuffer<byte>>("Pixels").Count());
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => MnistDataset.LoadImages(labels)).Message, "found 2049");
    }

    [TestMethod]
    public void MnistDataset_Load_WrongMagicNumberNamesTheFile()
    {
        using var folder = new TemporaryDirectory();
        var (images, labels) = MnistRowsReader.WriteThreeImages(folder.Path, gzip: true);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => MnistDataset.Load(labels, images));

        StringAssert.Contains(error.Message, labels);
        StringAssert.Contains(error.Message, "expected IDX magic number 2051");
        StringAssert.Contains(error.Message, "found 2049");
    }

    [TestMethod]
    public void MnistDataset_Load_TruncatedRawFileFailsAtLoad()
    {
        using var folder = new TemporaryDirectory();
        var (images, labels) = MnistRowsReader.WriteThreeImages(folder.Path, gzip: false);
        var bytes = File.ReadAllBytes(images);
        File.WriteAllBytes(images, bytes[..^100]);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => MnistDataset.Load(images, labels));

        StringAssert.Contains(error.Message, images);
        StringAssert.Contains(error.Message, "is truncated");
        StringAssert.Contains(error.Message, $"{16 + (3 * 784)} bytes in all; the file holds {16 + (3 * 784) - 100}");
    }

    [TestMethod]
    public void MnistDataset_Read_TruncatedGzipFileFailsWhileReading()
    {
        using var folder = new TemporaryDirectory();
        var (images, labels) = MnistRowsReader.WriteThreeImages(folder.Path, gzip: false);
        var content = File.ReadAllBytes(images);
        MnistRowsReader.WriteIdx(images + ".gz", 2051, [3, 28, 28], content[16..^10], gzip: true);

        var data = MnistDataset.Load(images + ".gz", labels);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => MnistRowsReader.ReadAll(data));

        StringAssert.Contains(error.Message, images + ".gz");
        StringAssert.Contains(error.Message, "is truncated: its header announces 3 items, the data ends within image 2");
    }

    [TestMethod]
    public void MnistDataset_Read_CutGzipStreamNamesTheFile()
    {
        // Seeded noise does not compress, so the cut falls inside the deflate data, a quarter of the way through.
        const int Images = 1000;
        using var folder = new TemporaryDirectory();
        var imagesGz = folder.File("images.gz");
        var labelsGz = folder.File("labels.gz");
        var pixels = new byte[Images * MnistDataset.PixelCount];
        new Random(7).NextBytes(pixels);
        MnistRowsReader.WriteIdx(imagesGz, 2051, [Images, 28, 28], pixels, gzip: true);
        MnistRowsReader.WriteIdx(labelsGz, 2049, [Images], new byte[Images], gzip: true);
        var cut = folder.File("cut-images.gz");
        File.WriteAllBytes(cut, File.ReadAllBytes(imagesGz)[..200_000]);

        var data = MnistDataset.Load(cut, labelsGz);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => MnistRowsReader.ReadAll(data));

        StringAssert.Contains(error.Message, cut);
    }

    [TestMethod]
    public void MnistDataset_Load_CountMismatchAndWrongImageSizeAreNamed()
    {
        using var folder = new TemporaryDirectory();
        var (images, _) = MnistRowsReader.WriteThreeImages(folder.Path, gzip: false);
        var twoLabels = folder.File("two-labels");
        MnistRowsReader.WriteIdx(twoLabels, 2049, [2], [1, 2], gzip: false);
        var smallImages = folder.File("small-images");
        MnistRowsReader.WriteIdx(smallImages, 2051, [2, 14, 14], new byte[2 * 196], gzip: false);

        var mismatch = Assert.ThrowsExactly<InvalidDataException>(() => MnistDataset.Load(images, twoLabels));
        var small = Assert.ThrowsExactly<InvalidDataException>(() => MnistDataset.Load(smallImages, twoLabels));

        StringAssert.Contains(mismatch.Message, "holds 3 images but");
        StringAssert.Contains(mismatch.Message, "holds 2 labels");
        StringAssert.Contains(small.Message, smallImages);
        StringAssert.Contains(small.Message, "expected 28 x 28 images, found 14 x 14");
    }

    [TestMethod]
    public void MnistDataset_Read_LabelOutOfRangeNamesFileAndItem()
    {
        using var folder = new TemporaryDirectory();
        var (images, labels) = MnistRowsReader.WriteThreeImages(folder.Path, gzip: false);
        MnistRowsReader.WriteIdx(labels, 2049, [3], [1, 12, 3], gzip: false);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => MnistRowsReader.ReadAll(MnistDataset.Load(images, labels)));

        StringAssert.Contains(error.Message, labels);
        StringAssert.Contains(error.Message, "expected labels 0 to 9, found 12 at item 1");
    }

    [TestMethod]
    public void MnistDataset_LoadFolder_MissingFilesListWhatWasTried()
    {
        using var folder = new TemporaryDirectory();
        MnistRowsReader.WriteThreeImages(folder.Path, gzip: true);

        var error = Assert.ThrowsExactly<FileNotFoundException>(() => MnistDataset.LoadFolder(folder.Path, DataSplit.Test));
        var noFolder = Assert.ThrowsExactly<DirectoryNotFoundException>(() => MnistDataset.LoadFolder(folder.File("absent"), DataSplit.Test));
        var noFile = Assert.ThrowsExactly<FileNotFoundException>(() => MnistDataset.Load(folder.File("absent.gz"), folder.File("absent.gz")));

        StringAssert.Contains(error.Message, "t10k-images-idx3-ubyte.gz, t10k-images-idx3-ubyte, t10k-images.idx3-ubyte.gz");
        StringAssert.Contains(error.Message, folder.Path);
        StringAssert.Contains(noFolder.Message, folder.File("absent"));
        StringAssert.Contains(noFile.Message, folder.File("absent.gz"));
    }

    [TestMethod]
    public void MnistDataset_KeyLabel_TrainsAnMlNetMulticlassTrainerDirectly()
    {
        var mlContext = new MLContext(seed: 1);
        var pipeline = mlContext.Transforms.NormalizePixels("Features", "Pixels")
            .Append(mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options { MaximumNumberOfIterations = 30 }));
        var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 2_000);

        var model = pipeline.Fit(train);
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(MnistSample.Load(DataSplit.Test)));

        Assert.IsGreaterThanOrEqualTo(0.80, metrics.MicroAccuracy);
        Assert.AreEqual(10, metrics.ConfusionMatrix.NumberOfClasses);
        Assert.AreEqual(2_000.0, metrics.ConfusionMatrix.Counts.Sum(row => row.Sum()));
    }

    private static string Decompress(string gzipPath, string destination)
    {
        using var input = new GZipStream(File.OpenRead(gzipPath), CompressionMode.Decompress);
        using var output = File.Create(destination);
        input.CopyTo(output);
        return destination;
    }
}
