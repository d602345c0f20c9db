using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers;

/// <summary>
/// Options and data the trainer cannot use are refused before the work starts, naming the option, the column or the
/// data set; a loss that leaves the finite numbers stops training with where and why.
/// </summary>
[TestClass]
public sealed class UpFrontRefusalTests
{
    public static IEnumerable<object[]> UndefinedEnumOptions =>
    [
        ["Task", new MlpOptions { Task = (MlpTask)99 }],
        ["Activation", new MlpOptions { Activation = (MlpActivation)99 }],
        ["OutputActivation", new MlpOptions { OutputActivation = (MlpActivation)99 }],
        ["Loss", new MlpOptions { Loss = (MlpLoss)99 }],
        ["KernelInitializer", new MlpOptions { KernelInitializer = (MlpKernelInitializer)99 }],
        ["Optimizer", new MlpOptions { Optimizer = (MlpOptimizer)99 }],
        ["Device", new MlpOptions { Device = (MlpDevice)99 }],
        ["EarlyStopping.Monitor", new MlpOptions { ValidationFraction = 0.2f, EarlyStopping = new MlpEarlyStopping { Monitor = (MlpMonitor)99 } }],
        ["Layers", new MlpOptions { Layers = [MlpLayer.Dense(4, (MlpActivation)99)] }],
    ];

    [TestMethod]
    [DynamicData(nameof(UndefinedEnumOptions))]
    public void Mlp_UndefinedEnumValue_IsRefusedWhenTheTrainerIsBuilt(string option, MlpOptions options)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(options));

        Assert.AreEqual(option, error.ParamName);
        StringAssert.Contains(error.Message, "=99");
        StringAssert.Contains(error.Message, "xpected one of ");
    }

    [TestMethod]
    public void CatalogTwin_UndefinedTask_IsRefusedWhenTheTrainerIsBuilt()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().MulticlassClassification.Trainers.Mlp(new MlpOptions { Task = (MlpTask)99 }));

        StringAssert.Contains(error.Message, "Received: task=99");
    }

    [TestMethod]
    public void Mlp_KerasOutputLayerListedInLayers_IsRefusedSayingTheOutputLayerIsAdded()
    {
        var options = new MlpOptions { Layers = [MlpLayer.Dense(16), MlpLayer.Dense(3, MlpActivation.Softmax)] };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(options));

        Assert.AreEqual("Layers", error.ParamName);
        StringAssert.Contains(error.Message, "MlNetMlp adds the output layer from the task");
        StringAssert.StartsWith(error.Message, "Layer 1 (Dense(3, Softmax)): expected hidden layers only;");
        StringAssert.Contains(error.Message, "Received: activation=Softmax");
        Assert.AreEqual("Activation", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Mlp(new MlpOptions { Activation = MlpActivation.Softmax })).ParamName);
    }

    [TestMethod]
    public void Fit_EmptyValidationData_IsRefusedBeforeTraining()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Rows(20));
        var epochs = 0;
        var options = new MlpOptions { HiddenLayers = [4], Epochs = 3, ValidationData = mlContext.Data.FilterByCustomPredicate<TwoFeatureRow>(data, _ => true), Progress = _ => epochs++ };

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Mlp(options).Fit(data));

        StringAssert.StartsWith(error.Message, "The validation data is empty: expected at least one row with columns 'Features' and 'Label', found 0 rows.");
        Assert.AreEqual(0, epochs, "no epoch ran");
    }

    [TestMethod]
    public void Fit_NaNInTheValidationData_NamesTheValidationData()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Rows(20));
        var validation = Rows(4);
        validation[1].Features[0] = float.NaN;
        var options = new MlpOptions { HiddenLayers = [4], Epochs = 1, ValidationData = mlContext.Data.LoadFromEnumerable(validation) };

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.Mlp(options).Fit(data));

        StringAssert.StartsWith(error.Message, "Column 'Features', row 1 of the validation data, slot 0: expected finite feature values, found NaN.");
    }

    [TestMethod]
    public void Fit_RegressionTargetsOf1e30_StopsAtTheFirstBatchNamingTheUsualCauses()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 64).Select(i => new RegressionRow { Features = [i / 64f, 1 - i / 64f], Label = 1e30f * (i + 1) }).ToList();
        var epochs = 0;

        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            mlContext.Regression.Trainers.Mlp(new MlpOptions { HiddenLayers = [4], Epochs = 20, BatchSize = 16, Progress = _ => epochs++ }).Fit(mlContext.Data.LoadFromEnumerable(rows)));

        StringAssert.StartsWith(error.Message, "The training loss became ");
        StringAssert.Contains(error.Message, "at epoch 1, batch 1, so training stopped");
        StringAssert.Contains(error.Message, "regression targets far from unit scale");
        StringAssert.Contains(error.Message, "learning rate");
        Assert.AreEqual(0, epochs);
    }

    [TestMethod]
    public void Fit_InputTooWideForTheNetwork_NamesColumnLayerAndBytesBeforeLibtorchAllocates()
    {
        var mlContext = new MLContext(seed: 1);
        var reviews = mlContext.Data.LoadFromEnumerable(new[] { new Review { Text = "a fine film", Label = true }, new Review { Text = "a dull film", Label = false } });
        var features = mlContext.Transforms.WordIndex("Sequence", nameof(Review.Text))
            .Append(mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: int.MaxValue))
            .Fit(reviews)
            .Transform(reviews);

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => mlContext.BinaryClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [16] }).Fit(features));

        StringAssert.StartsWith(error.Message, "Column 'Features': layer 0 (Dense(16, Relu)) would take 2,147,483,647 inputs, so its kernel holds 34,359,738,352 weights (128.0 GiB)");
    }

    private static List<TwoFeatureRow> Rows(int count) =>
        Enumerable.Range(0, count).Select(i => new TwoFeatureRow { Features = [i % 2, (i / 2) % 2], Label = i % 2 == 0 }).ToList();

    private sealed class RegressionRow
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    private sealed class Review
    {
        public string Text { get; set; } = "";

        public bool Label { get; set; }
    }
}
