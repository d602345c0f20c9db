using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;
using MlNetMlp.Transforms;

namespace MlNetMlp.Tests.Transforms;

/// <summary>
/// NormalizePixels, VectorizeSequences and OneHotLabels exported with <c>ConvertToOnnx</c> give in ONNX Runtime the
/// values ML.NET gives, on inputs that exercise their options (clamping, standardization, counts, the drop rule, keys,
/// unseen labels); option settings whose error ONNX cannot raise are refused with the option to change.
/// </summary>
[TestClass]
public sealed class TransformsOnnxExportTests
{
    public sealed class FloatPixels
    {
        [VectorType(4)]
        public float[] Pixels { get; set; } = [];
    }

    public sealed class BytePixels
    {
        [VectorType(4)]
        public byte[] Pixels { get; set; } = [];
    }

    public sealed class IntSequence
    {
        [VectorType]
        public int[] Sequence { get; set; } = [];
    }

    public sealed class KeySequence
    {
        [KeyType(20)]
        [VectorType]
        public uint[] Sequence { get; set; } = [];
    }

    public sealed class ByteSequence
    {
        [VectorType]
        public byte[] Sequence { get; set; } = [];
    }

    public sealed class Labels
    {
        public string Text { get; set; } = "";

        public float Single { get; set; }

        public double Double { get; set; }

        public long Integer { get; set; }

        public bool Flag { get; set; }
    }

    [TestMethod]
    public void ConvertToOnnx_NormalizePixelsStandardizedOnRealMnist_GivesTheSameFeatures()
    {
        var mlContext = new MLContext(seed: 1);
        var digits = mlContext.Data.TakeRows(SharedDatasets.Mnist(DataSplit.Test), 200);
        var transformer = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName, standardize: true).Fit(digits);

        var largest = AssertExportAgrees(mlContext, transformer, digits, "Features");

        Console.WriteLine($"NormalizePixels (standardized, 200 real digits): largest difference {largest:E2}");
    }

    [TestMethod]
    public void ConvertToOnnx_NormalizePixelsClampingFloats_ClampsAsMlNet()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<FloatPixels>([new() { Pixels = [-5, 0, 127.5f, 300] }, new() { Pixels = [255, 1, 2, 254.9f] }]);
        var transformer = mlContext.Transforms.NormalizePixels("Features", "Pixels", clamp: true).Fit(data);

        AssertExportAgrees(mlContext, transformer, data, "Features");
    }

    [TestMethod]
    public void ConvertToOnnx_NormalizePixelsClampingBytesBelowTheirRange_ClampsAsMlNet()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<BytePixels>([new() { Pixels = [0, 50, 100, 255] }]);
        var transformer = mlContext.Transforms.NormalizePixels("Features", "Pixels", maxPixelValue: 100, clamp: true).Fit(data);

        AssertExportAgrees(mlContext, transformer, data, "Features");
    }

    [TestMethod]
    public void ConvertToOnnx_NormalizePixelsRejectingFloats_IsRefusedNamingClamp()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<FloatPixels>([new() { Pixels = [0, 1, 2, 3] }]);
        var transformer = mlContext.Transforms.NormalizePixels("Features", "Pixels").Fit(data);

        var error = AssertRefused(mlContext, transformer, data);

        StringAssert.StartsWith(error.Message, "NormalizePixels transformer (column 'Features') cannot be exported to ONNX: with clamp: false");
        StringAssert.Contains(error.Message, "Fit NormalizePixels with clamp: true");
    }

    [TestMethod]
    public void ConvertToOnnx_NormalizePixelsRejectingBytesAboveASmallMaximum_IsRefused()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<BytePixels>([new() { Pixels = [0, 1, 2, 3] }]);
        var transformer = mlContext.Transforms.NormalizePixels("Features", "Pixels", maxPixelValue: 100).Fit(data);

        StringAssert.Contains(AssertRefused(mlContext, transformer, data).Message, "outside [0, 100]");
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void ConvertToOnnx_VectorizeSequencesOfIntegers_DropsAndCountsAsMlNet(bool counts)
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<IntSequence>(
        [
            new() { Sequence = [1, 4, 4, 9, 0, 12, 4] },
            new() { Sequence = [] },
            new() { Sequence = [7, 10, 11, 7, 0, 0] },
        ]);
        var transformer = mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 10, counts: counts).Fit(data);

        AssertExportAgrees(mlContext, transformer, data, "Features");
    }

    [TestMethod]
    public void ConvertToOnnx_VectorizeSequencesOfKeys_SkipsTheMissingKeyAndDropsBeyondTheDimension()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<KeySequence>([new() { Sequence = [1, 0, 3, 3, 20, 10] }, new() { Sequence = [11, 2] }]);
        var transformer = mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 10, counts: true).Fit(data);

        AssertExportAgrees(mlContext, transformer, data, "Features");
    }

    [TestMethod]
    public void ConvertToOnnx_VectorizeSequencesThrowingOnIntegers_IsRefusedNamingTheOption()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<IntSequence>([new() { Sequence = [1, 2] }]);
        var transformer = mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 10, indexBeyondDimension: IndexBeyondDimension.Throw).Fit(data);

        var error = AssertRefused(mlContext, transformer, data);

        StringAssert.StartsWith(error.Message, "VectorizeSequences transformer (column 'Features') cannot be exported to ONNX: with indexBeyondDimension: Throw");
        StringAssert.Contains(error.Message, "IndexBeyondDimension.Drop");
    }

    [TestMethod]
    public void ConvertToOnnx_VectorizeSequencesThrowingOnBytesWithinTheDimension_Exports()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<ByteSequence>([new() { Sequence = [0, 255, 3, 3] }]);
        var transformer = mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 256, indexBeyondDimension: IndexBeyondDimension.Throw).Fit(data);

        AssertExportAgrees(mlContext, transformer, data, "Features");
    }

    [TestMethod]
    [DataRow(nameof(Labels.Text))]
    [DataRow(nameof(Labels.Single))]
    [DataRow(nameof(Labels.Double))]
    [DataRow(nameof(Labels.Integer))]
    [DataRow(nameof(Labels.Flag))]
    public void ConvertToOnnx_OneHotLabelsWithUnseenLabelsAsZeros_EncodesAsMlNet(string column)
    {
        var mlContext = new MLContext(seed: 1);
        var training = mlContext.Data.LoadFromEnumerable<Labels>(
        [
            new() { Text = "cat", Single = 1.5f, Double = 0.1, Integer = -3, Flag = true },
            new() { Text = "dog", Single = -0f, Double = 1e300, Integer = long.MaxValue, Flag = true },
            new() { Text = "émeu", Single = 7, Double = 0.1, Integer = 5, Flag = true },
        ]);
        var scoring = mlContext.Data.LoadFromEnumerable<Labels>(
        [
            new() { Text = "dog", Single = 0f, Double = 0.1, Integer = 5, Flag = true },
            new() { Text = "Dog", Single = float.NaN, Double = 0.30000000000000004, Integer = 4, Flag = false },
            new() { Text = "émeu", Single = 7, Double = 1e300, Integer = long.MaxValue, Flag = true },
        ]);
        var transformer = mlContext.Transforms.OneHotLabels("OneHot", column, allZerosForUnseen: true).Fit(training);

        AssertExportAgrees(mlContext, transformer, scoring, "OneHot");
    }

    [TestMethod]
    public void ConvertToOnnx_OneHotLabelsOfRealMnistKeys_EncodesAsMlNet()
    {
        var mlContext = new MLContext(seed: 1);
        var digits = mlContext.Data.TakeRows(SharedDatasets.Mnist(DataSplit.Test), 100);
        var transformer = mlContext.Transforms.OneHotLabels("OneHot", MnistDataset.LabelColumnName, allZerosForUnseen: true).Fit(digits);

        AssertExportAgrees(mlContext, transformer, digits, "OneHot");
    }

    [TestMethod]
    public void ConvertToOnnx_OneHotLabelsRaisingOnUnseenText_IsRefusedNamingTheOption()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<Labels>([new() { Text = "cat" }, new() { Text = "dog" }]);
        var transformer = mlContext.Transforms.OneHotLabels("OneHot", nameof(Labels.Text)).Fit(data);

        var error = AssertRefused(mlContext, transformer, data);

        StringAssert.StartsWith(error.Message, "OneHotLabels transformer (column 'OneHot') cannot be exported to ONNX: with allZerosForUnseen: false");
    }

    [TestMethod]
    public void ConvertToOnnx_OneHotLabelsOfBothBooleans_ExportsWithoutAllZeros()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable<Labels>([new() { Flag = true }, new() { Flag = false }]);
        var transformer = mlContext.Transforms.OneHotLabels("OneHot", nameof(Labels.Flag)).Fit(data);

        AssertExportAgrees(mlContext, transformer, data, "OneHot");
    }

    private static double AssertExportAgrees(MLContext mlContext, ITransformer transformer, IDataView data, string column)
    {
        using var directory = new TemporaryDirectory();
        using var onnx = OnnxModel.Export(mlContext, transformer, data, directory.File("transform.onnx"));
        return OnnxAgreement.AssertSame(transformer.Transform(data), onnx.Run(data), column);
    }

    private static OnnxExportException AssertRefused(MLContext mlContext, ITransformer transformer, IDataView data)
    {
        using var stream = new MemoryStream();
        var error = Assert.ThrowsExactly<OnnxExportException>(() => mlContext.Model.ConvertToOnnx(transformer, data, stream));
        Assert.AreEqual(0, stream.Length, "nothing is written before the export fails");
        return error;
    }
}
