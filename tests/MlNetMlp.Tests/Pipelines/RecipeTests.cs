using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Pipelines;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Pipelines;

/// <summary>The recipes build the course's networks, and their fitted chain ends in the MLP, as the README shows.</summary>
[TestClass]
public sealed class RecipeTests
{
    [TestMethod]
    public void MnistPipeline_FittedOnTheEmbeddedSample_IsTheCourseNetworkAndLearns()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 2_000);

        var model = (TransformerChain<MlpTransformer>)MnistPipeline.Create(mlContext, MnistPipeline.CreateMlpOptions(epochs: 1)).Fit(train);
        var mlp = model.LastTransformer.Model;
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(MnistSample.Load(DataSplit.Test)));

        Assert.AreEqual(784, mlp.InputSize);
        Assert.AreEqual(MlpLayer.Dense(512, MlpActivation.Relu), mlp.HiddenLayers.Single());
        Assert.AreEqual(10, mlp.OutputSize);
        Assert.AreEqual(MlpLoss.CategoricalCrossEntropy, mlp.Loss);
        Assert.HasCount(1, mlp.History);
        Assert.IsGreaterThanOrEqualTo(0.80, metrics.MicroAccuracy, $"one epoch on 2,000 digits: accuracy {metrics.MicroAccuracy:F4}");
    }

    [TestMethod]
    public void ImdbPipeline_FittedOnRealReviews_IsTheCourseNetworkOverTenThousandWords()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Train, 100));

        var model = (TransformerChain<MlpTransformer>)ImdbPipeline.Create(mlContext, ImdbPipeline.CreateMlpOptions(epochs: 2)).Fit(train);
        var mlp = model.LastTransformer.Model;
        var probabilities = model.Transform(train).GetColumn<float>("Probability").ToList();

        Assert.AreEqual(ImdbPipeline.DefaultNumWords, mlp.InputSize);
        CollectionAssert.AreEqual(new[] { MlpLayer.Dense(16, MlpActivation.Relu), MlpLayer.Dense(16, MlpActivation.Relu) }, mlp.HiddenLayers.ToArray());
        Assert.AreEqual(1, mlp.OutputSize);
        Assert.AreEqual(MlpLoss.BinaryCrossEntropy, mlp.Loss);
        Assert.HasCount(2, mlp.History);
        Assert.HasCount(200, probabilities);
        Assert.IsTrue(probabilities.All(p => p is >= 0 and <= 1), "sigmoid output");
    }
}
