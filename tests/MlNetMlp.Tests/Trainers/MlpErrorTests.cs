using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers;

/// <summary>Bad options and bad data fail early with messages that name the option or column and what was found.</summary>
[TestClass]
public sealed class MlpErrorTests
{
    private sealed class UnknownSizeRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class DoubleFeatureRow
    {
        [VectorType(2)]
        public double[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class ClassName
    {
        public string Class { get; set; } = "";
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-3)]
    public void Mlp_EpochsNotPositive_ThrowsNamingEpochs(int epochs)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(epochs: epochs));

        Assert.AreEqual("Epochs", error.ParamName);
        StringAssert.StartsWith(error.Message, $"Expected epochs >= 1. Received: epochs={epochs}");
    }

    [TestMethod]
    [DataRow(1.5f)]
    [DataRow(1f)]
    [DataRow(-0.1f)]
    public void Mlp_DropoutRateOutsideZeroToOne_ThrowsKerasStyleMessage(float rate)
    {
        var options = new MlpOptions { Layers = [MlpLayer.Dense(8), MlpLayer.Dropout(rate)] };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(options));

        StringAssert.StartsWith(error.Message, $"Layer 1 (Dropout({rate.ToString(System.Globalization.CultureInfo.InvariantCulture)})): expected rate in [0, 1). Received: rate={rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    [TestMethod]
    public void Mlp_InvalidOptions_NameTheOption()
    {
        var mlContext = new MLContext();

        Assert.AreEqual("BatchSize", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Mlp(batchSize: 0)).ParamName);
        Assert.AreEqual("LearningRate", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Mlp(new MlpOptions { LearningRate = 0 })).ParamName);
        Assert.AreEqual("ValidationFraction", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Mlp(new MlpOptions { ValidationFraction = 1 })).ParamName);
        Assert.AreEqual("HiddenLayers", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Mlp(new MlpOptions { HiddenLayers = [8], Layers = [MlpLayer.Dense(4)] })).ParamName);
        Assert.AreEqual("EarlyStopping", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Mlp(new MlpOptions { EarlyStopping = new MlpEarlyStopping() })).ParamName);
        Assert.AreEqual("Layers", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(0)] })).ParamName);
    }

    [TestMethod]
    public void Fit_MissingLabelColumn_ThrowsNamingTheColumn()
    {
        var mlContext = new MLContext();
        var data = mlContext.Data.LoadFromEnumerable(new[] { new TwoFeatureRow { Features = [1, 2] } });

        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => mlContext.Mlp(labelColumnName: "Target").Fit(data));

        StringAssert.StartsWith(error.Message, "Column 'Target': expected a Key<UInt32>, Boolean, Single, Double or known-size vector of Single label, found no such column.");
    }

    [TestMethod]
    public void GetOutputSchema_MissingLabelColumn_ThrowsBeforeAnyData()
    {
        var mlContext = new MLContext();
        var schema = MlNetMlp.Core.Data.ColumnRequirements.ShapeOf(mlContext.Data.LoadFromEnumerable(new[] { new TwoFeatureRow { Features = [1, 2] } }).Schema);

        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => mlContext.Mlp(labelColumnName: "Target").GetOutputSchema(schema));

        Assert.AreEqual("Target", error.ColumnName);
    }

    [TestMethod]
    public void Fit_FeaturesOfUnknownSize_ThrowsNamingTypeFound()
    {
        var mlContext = new MLContext();
        var data = mlContext.Data.LoadFromEnumerable(new[] { new UnknownSizeRow { Features = [1, 2], Label = true } });

        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => mlContext.Mlp().Fit(data));

        Assert.AreEqual("Column 'Features': expected a known-size vector of Single, found Vector<Single> of unknown size.", error.Message);
    }

    [TestMethod]
    public void Fit_FeaturesOfDouble_ThrowsNamingTypeFound()
    {
        var mlContext = new MLContext();
        var data = mlContext.Data.LoadFromEnumerable(new[] { new DoubleFeatureRow { Features = [1, 2], Label = true } });

        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => mlContext.Mlp().Fit(data));

        Assert.AreEqual("Column 'Features': expected a known-size vector of Single, found Vector<Double, 2>.", error.Message);
    }

    [TestMethod]
    public void Fit_NaNInFeatures_ThrowsNamingColumnRowAndSlot()
    {
        var mlContext = new MLContext();
        var data = mlContext.Data.LoadFromEnumerable(new[]
        {
            new TwoFeatureRow { Features = [1, 2], Label = true },
            new TwoFeatureRow { Features = [3, float.NaN], Label = false },
        });

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Mlp(hiddenLayers: [4], epochs: 1).Fit(data));

        StringAssert.StartsWith(error.Message, "Column 'Features', row 1, slot 1: expected finite feature values, found NaN.");
    }

    [TestMethod]
    public void Fit_EmptyData_ThrowsSayingSo()
    {
        var mlContext = new MLContext();
        var data = mlContext.Data.LoadFromEnumerable(Array.Empty<TwoFeatureRow>());

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Mlp(hiddenLayers: [4], epochs: 1).Fit(data));

        Assert.AreEqual("The training data is empty: expected at least one row with columns 'Features' and 'Label', found 0 rows.", error.Message);
    }

    [TestMethod]
    public void Fit_EmptyDataStreamed_ThrowsSayingSo()
    {
        var mlContext = new MLContext();
        var data = mlContext.Data.LoadFromEnumerable(Array.Empty<TwoFeatureRow>());

        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            mlContext.Mlp(new MlpOptions { HiddenLayers = [4], Epochs = 1, InMemoryCacheLimitBytes = 0, Task = MlpTask.BinaryClassification }).Fit(data));

        StringAssert.StartsWith(error.Message, "The training data is empty");
    }

    [TestMethod]
    public void Fit_MissingKeyLabel_ThrowsNamingRow()
    {
        var mlContext = new MLContext();
        var rows = Blobs.Create(3, seed: 1);
        rows[4].Class = "purple";
        var data = mlContext.Data.LoadFromEnumerable(rows);
        var keys = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Blobs.Row.Class), keyData: mlContext.Data.LoadFromEnumerable(new[] { "red", "green", "blue" }.Select(c => new ClassName { Class = c })));

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => keys.Append(mlContext.Mlp(hiddenLayers: [4], epochs: 1)).Fit(data));

        Assert.AreEqual("Column 'Label', row 4: expected a key in 1..3, found a missing key (0).", error.Message);
    }

    [TestMethod]
    public void Fit_InitialWeightsOfOtherShape_ThrowsNamingInitialWeights()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new TwoFeatureRow { Features = [1, 2], Label = true }, new TwoFeatureRow { Features = [2, 1], Label = false } });
        var small = mlContext.Mlp(hiddenLayers: [4], epochs: 1).Fit(data).Model;

        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Mlp(new MlpOptions { HiddenLayers = [5], Epochs = 1, InitialWeights = small }).Fit(data));

        Assert.AreEqual("InitialWeights", error.ParamName);
        StringAssert.Contains(error.Message, "Layer 0 Dense(5, Relu): expected kernel (2, 5), bias (5). Received: kernel (2, 4), bias (4)");
    }

    [TestMethod]
    public void Fit_CudaWithoutCuda_ThrowsSayingSo()
    {
        var mlContext = new MLContext();
        var data = mlContext.Data.LoadFromEnumerable(new[] { new TwoFeatureRow { Features = [1, 2], Label = true } });

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Mlp(new MlpOptions { HiddenLayers = [4], Epochs = 1, Device = MlpDevice.Cuda }).Fit(data));

        StringAssert.StartsWith(error.Message, "Expected a CUDA device for MlpOptions.Device = Cuda, found none");
        Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Mlp(new MlpOptions { Device = MlpDevice.Cuda }), "refused when the trainer is built, before any data");
    }

    [TestMethod]
    public void Fit_ValidationDataOfOtherWidth_ThrowsNamingBothShapes()
    {
        var mlContext = new MLContext();
        var data = mlContext.Data.LoadFromEnumerable(new[] { new TwoFeatureRow { Features = [1, 2], Label = true } });
        var blobs = mlContext.Data.LoadFromEnumerable(Blobs.Create(2, seed: 1));
        var validation = mlContext.Transforms.CopyColumns("Label", nameof(Blobs.Row.IsFirst)).Fit(blobs).Transform(blobs);

        var error = Assert.ThrowsExactly<SchemaMismatchException>(() => mlContext.Mlp(new MlpOptions { HiddenLayers = [4], Epochs = 1, ValidationData = validation }).Fit(data));

        StringAssert.Contains(error.Message, "expected validation data shaped like the training data (2 features");
    }
}
