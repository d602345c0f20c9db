using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Scoring;

/// <summary>
/// Models trained on real MNIST and IMDb data score in managed code as torch scores the same weights: within 1e-5,
/// with the same predicted labels.
/// </summary>
[TestClass]
public sealed class TorchAgreementTests
{
    [TestMethod]
    public void Transform_RealMnistModel_MatchesTorchForwardPassWithin1e5()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 2000);
        var test = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 500);
        var model = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName)
            .Append(mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions { Layers = [MlpLayer.Dense(128), MlpLayer.Dropout(0.3f)], Epochs = 2, BatchSize = 64, Seed = 4 }))
            .Fit(train);

        var scored = model.Transform(test);

        var features = scored.GetColumn<float[]>("Features").Select(f => (float[])f.Clone()).ToArray();
        var torchScores = TorchProbabilities(model.LastTransformer.Model, features);
        var scores = scored.GetColumn<float[]>("Score").Select(s => (float[])s.Clone()).ToArray();
        var predicted = scored.GetColumn<uint>("PredictedLabel").ToArray();
        Assert.HasCount(500, scores);
        for (var row = 0; row < scores.Length; row++)
        {
            for (var k = 0; k < 10; k++)
            {
                Assert.AreEqual(torchScores[row][k], scores[row][k], 1e-5, $"row {row}, class {k}");
            }

            Assert.AreEqual((uint)Array.IndexOf(torchScores[row], torchScores[row].Max()) + 1, predicted[row], $"row {row}");
        }
    }

    [TestMethod]
    public void Transform_RealImdbModel_MatchesTorchForwardPassWithin1e5()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Train, 600));
        var test = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Test, 200));
        var model = mlContext.Transforms.WordIndex("Sequence", ImdbDataset.TextColumnName, numWords: 5000)
            .Append(mlContext.Transforms.VectorizeSequences("Features", "Sequence", dimension: 5000))
            .Append(mlContext.BinaryClassification.Trainers.Mlp(new MlpOptions { HiddenLayers = [16, 16], Epochs = 3, BatchSize = 128, Seed = 5 }))
            .Fit(train);

        var scored = model.Transform(test);

        var features = scored.GetColumn<VBuffer<float>>("Features").Select(f => f.DenseValues().ToArray()).ToArray();
        var mlp = model.LastTransformer.Model;
        var (logits, probabilities) = NetworkAgreement.TorchForward(mlp, features);
        var scores = scored.GetColumn<float>("Score").ToArray();
        var managed = scored.GetColumn<float>("Probability").ToArray();
        var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
        Assert.HasCount(400, scores);
        for (var row = 0; row < scores.Length; row++)
        {
            Assert.AreEqual(logits[row], scores[row], 1e-5 * Math.Max(1, Math.Abs(logits[row])), $"row {row}: logit");
            Assert.AreEqual(probabilities[row], managed[row], 1e-5, $"row {row}: probability");
            Assert.AreEqual(probabilities[row] > 0.5f, predicted[row], $"row {row}: label");
        }
    }

    private static float[][] TorchProbabilities(MlpModel model, float[][] features)
    {
        var (_, activated) = NetworkAgreement.TorchForward(model, features);
        return activated.Chunk(model.OutputSize).ToArray();
    }
}
