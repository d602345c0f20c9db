using Microsoft.ML;
using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Scoring.Tasks;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Scoring.Layers;

/// <summary>
/// The model format grows without breaking: a file names the layer kinds it needs, so a kind, an option or an
/// activation this release does not know is refused by name (never mis-read), and the history is stored as named
/// figures, so a new figure travels through save and load without a format change.
/// </summary>
[TestClass]
public sealed class ModelFormatGrowthTests
{
    [TestMethod]
    public void ModelLoad_LayerKindFromANewerRelease_IsRefusedNamingTheKindAndTheReleaseItNeeds()
    {
        var error = Assert.ThrowsExactly<ModelFormatException>(() => SaveAndLoad(new FutureLayer(new MlpLayerKind("Conv1D", "conv1d", new Version(0, 9)), "Dense")));

        StringAssert.Contains(error.Message, "cannot be read by this MlNetMlp: layer kind 'Conv1D' needs MlNetMlp ≥ 0.9; this is 0.3.0, which knows Dense, Dropout, BatchNormalization, LayerNormalization, GaussianNoise.");
    }

    [TestMethod]
    public void ModelLoad_KnownKindWithAnOptionFromANewerRelease_IsRefusedNamingTheOption()
    {
        var error = Assert.ThrowsExactly<ModelFormatException>(() => SaveAndLoad(new FutureLayer(DenseLayer.LayerKind, "Relu", ExtraOption: "use_bias")));

        StringAssert.Contains(error.Message, "layer 0 (Dense, units=3, activation=Relu, l1=0, l2=0, use_bias=False): option 'use_bias' unknown to this release; a newer MlNetMlp wrote it.");
    }

    [TestMethod]
    public void ModelLoad_ActivationFromANewerRelease_IsRefusedNamingIt()
    {
        var error = Assert.ThrowsExactly<ModelFormatException>(() => SaveAndLoad(new FutureLayer(DenseLayer.LayerKind, "Swiglu")));

        StringAssert.Contains(error.Message, "option 'activation' is MlpActivation 'Swiglu', which this release does not know");
    }

    [TestMethod]
    public void ModelLoad_HistoryWithAFigureAddedLater_KeepsEveryFigureByName()
    {
        var architecture = new NetworkArchitecture(2, [MlpLayer.Dense(3)], 1, MlpActivation.Linear, MlpLoss.MeanSquaredError);
        var history = new[]
        {
            new MlpEpoch(1, 0.5, 0.4, 0.01, 0.6, 0.01, 0.45, "mae", TimeSpan.FromTicks(12_345_678))
            {
                Additional = new Dictionary<string, double> { [MlpEpoch.LearningRateName] = 0.001, ["swa_n"] = 3 },
            },
            new MlpEpoch(2, 0.3, 0.2, 0, null, null, null, "mae", TimeSpan.FromSeconds(1.5)),
        };
        var model = new MlpModel(architecture, ZeroWeights(architecture), MlpTask.Regression, history);

        var loaded = SaveAndLoad(model);

        CollectionAssert.AreEqual(history, loaded.History.ToArray());
        Assert.AreEqual(3, loaded.History[0].Figures["swa_n"]);
        Assert.AreEqual(0.001, loaded.History[0].LearningRate);
        CollectionAssert.AreEqual(new[] { "loss", "mae", "penalty", "val_loss", "val_penalty", "val_mae", "time", "learning_rate", "swa_n" }, loaded.History[0].Figures.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "loss", "mae", "penalty", "time" }, loaded.History[1].Figures.Keys.ToArray());
    }

    [TestMethod]
    public void Fit_History_RecordsTheLearningRateOfEveryEpoch()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(new[] { new TwoFeatureRow { Features = [1, 2], Label = true }, new TwoFeatureRow { Features = [2, 1], Label = false } });

        var history = mlContext.Mlp(new MlpOptions { HiddenLayers = [4], Epochs = 2, LearningRate = 0.0025f }).Fit(data).Model.History;

        Assert.IsTrue(history.All(epoch => epoch.LearningRate == 0.0025f), string.Join(", ", history.Select(e => e.LearningRate)));
    }

    [TestMethod]
    public void MlpEpoch_AdditionalFigureNamedLikeAProperty_IsRefused()
    {
        var epoch = new MlpEpoch(1, 0.5, 0.4, 0, null, null, null, "accuracy", TimeSpan.Zero);

        var error = Assert.ThrowsExactly<ArgumentException>(() => epoch with { Additional = new Dictionary<string, double> { ["val_accuracy"] = 1 } });

        StringAssert.Contains(error.Message, "Received: 'val_accuracy'");
    }

    private static MlpModel SaveAndLoad(MlpLayer layer)
    {
        var architecture = new NetworkArchitecture(2, [layer], 1, MlpActivation.Linear, MlpLoss.MeanSquaredError);
        return SaveAndLoad(new MlpModel(architecture, ZeroWeights(architecture), MlpTask.Regression, []));
    }

    private static MlpModel SaveAndLoad(MlpModel model)
    {
        var mlContext = new MLContext();
        var transformer = new MlpTransformer(model, new LabelLayout(TaskDefinition.Regression, LabelKind.Number, 1, null), "Features", "Label");
        using var directory = new TemporaryDirectory();
        var path = directory.File("model.zip");
        mlContext.Model.Save(transformer, null, path);
        return ((MlpTransformer)ModelFile.Load(mlContext, path, out _)).Model;
    }

    private static LayerWeights[] ZeroWeights(NetworkArchitecture architecture) =>
        [.. architecture.WeightSpecs().Select(specs => new LayerWeights(specs, [.. specs.Select(spec => new float[spec.Length])]))];

    /// <summary>
    /// What a newer release could write: a layer of <paramref name="kind"/> with a dense layer's weights and options,
    /// its activation saved as <paramref name="activation"/> and, when named, one more option.
    /// </summary>
    private sealed record FutureLayer(MlpLayerKind FutureKind, string ActivationName, string? ExtraOption = null) : MlpLayer(trainable: true)
    {
        public override MlpLayerKind Kind => FutureKind;

        internal override void Validate(string option, string position)
        {
        }

        internal override int OutputWidth(int inputs) => 3;

        internal override IReadOnlyList<LayerWeight> WeightsFor(int inputs) => [new("kernel", [inputs, 3]), new("bias", [3])];

        internal override LayerPass CreatePass(int inputs, LayerWeights weights) => throw new NotSupportedException();

        internal override string WriteOnnx(OnnxGraph graph, string input, LayerWeights weights) => throw new NotSupportedException();

        internal override void WriteConfig(LayerConfig config)
        {
            config.Set("units", 3);
            config.Set("activation", ActivationName);
            config.Set("l1", 0f);
            config.Set("l2", 0f);
            if (ExtraOption is not null)
            {
                config.Set(ExtraOption, false);
            }
        }

        private protected override IEnumerable<string> Arguments() => [];
    }
}
