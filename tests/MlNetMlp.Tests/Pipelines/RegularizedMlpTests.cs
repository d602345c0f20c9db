using MlNetMlp.Pipelines;

namespace MlNetMlp.Tests.Pipelines;

/// <summary>The regularized recipe adds the course's remedies to a network, and only what it lacks.</summary>
[TestClass]
public sealed class RegularizedMlpTests
{
    [TestMethod]
    public void Apply_MnistRecipe_AddsDropoutEarlyStoppingRestoringTheBestWeightsAValidationSplitAndMoreEpochs()
    {
        var options = RegularizedMlp.Apply(MnistPipeline.CreateMlpOptions());

        CollectionAssert.AreEqual(new[] { MlpLayer.Dense(512, MlpActivation.Relu), MlpLayer.Dropout(0.5f) }, options.GetHiddenLayers().ToArray());
        Assert.AreEqual(MlpMonitor.ValidationLoss, options.EarlyStopping!.Monitor);
        Assert.IsTrue(options.EarlyStopping.RestoreBestWeights);
        Assert.AreEqual(MlpEarlyStopping.Defaults.Patience, options.EarlyStopping.Patience);
        Assert.AreEqual(20, options.Epochs);
        Assert.AreEqual(0.1f, options.ValidationFraction);
        Assert.AreEqual(MlpOptimizer.RmsProp, options.Optimizer, "the network's training is kept");
        Assert.AreEqual(128, options.BatchSize);
    }

    [TestMethod]
    public void Apply_ImdbRecipe_PutsDropoutAfterEachHiddenLayer_AsTheCourseDoes()
    {
        var options = RegularizedMlp.Apply(ImdbPipeline.CreateMlpOptions());

        CollectionAssert.AreEqual(
            new[] { MlpLayer.Dense(16, MlpActivation.Relu), MlpLayer.Dropout(0.5f), MlpLayer.Dense(16, MlpActivation.Relu), MlpLayer.Dropout(0.5f) },
            options.GetHiddenLayers().ToArray());
    }

    [TestMethod]
    public void Apply_NetworkThatAlreadyHasDropoutStoppingAndValidation_KeepsThem()
    {
        var network = new MlpOptions
        {
            Layers = [MlpLayer.Dense(32, MlpActivation.Tanh), MlpLayer.Dropout(0.2f)],
            Epochs = 40,
            ValidationFraction = 0.25f,
            EarlyStopping = new MlpEarlyStopping { Patience = 7 },
        };

        var options = RegularizedMlp.Apply(RegularizedMlp.Apply(network));

        CollectionAssert.AreEqual(new[] { MlpLayer.Dense(32, MlpActivation.Tanh), MlpLayer.Dropout(0.2f) }, options.GetHiddenLayers().ToArray());
        Assert.AreEqual(7, options.EarlyStopping!.Patience);
        Assert.AreEqual(40, options.Epochs, "never fewer epochs than the network's own");
        Assert.AreEqual(0.25f, options.ValidationFraction);
    }
}
