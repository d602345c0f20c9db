using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Experiments;

namespace MlNetMlp.Tests.Experiments;

/// <summary>The plain MLP, Monte Carlo dropout and a deep ensemble measured side by side on real digits.</summary>
[TestClass]
public sealed class UncertaintyMethodsTests
{
    [TestMethod]
    public void Run_EmbeddedMnistSubset_MeasuresThreeMethodsWithFiniteFigures()
    {
        var mlContext = new MLContext(seed: 1);
        var digits = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName).Fit(MnistSample.Load(DataSplit.Train));
        var train = mlContext.Data.Cache(digits.Transform(mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 1500)));
        var test = mlContext.Data.Cache(digits.Transform(mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 500)));
        var options = new UncertaintyMethodsOptions
        {
            Network = new MlpOptions { Layers = [MlpLayer.Dense(64), MlpLayer.Dropout(0.3f)], Epochs = 10, BatchSize = 64, Seed = 3 },
            MonteCarloSamples = 10,
            EnsembleMembers = 2,
        };

        var results = UncertaintyMethods.Run(mlContext, train, test, options);

        CollectionAssert.AreEqual(new[] { "MLP", "MC dropout (T=10)", "Deep ensemble (M=2)" }, results.Select(r => r.Method).ToArray());
        foreach (var result in results)
        {
            var m = result.Metrics;
            Console.WriteLine($"{result.Method}: accuracy {m.Accuracy:F4}, log-loss {m.LogLoss:F4}, Brier {m.BrierScore:F4}, ECE {m.ExpectedCalibrationError:F4}, AUROC {m.UncertaintyAuroc:F4}, top-50% accuracy {m.SelectiveAccuracy[0.5]:F4}");
            Assert.AreEqual(500, m.Rows);
            Assert.IsGreaterThan(0.8, m.Accuracy, result.Method);
            Assert.IsTrue(double.IsFinite(m.LogLoss) && double.IsFinite(m.BrierScore) && double.IsFinite(m.ExpectedCalibrationError), result.Method);
            Assert.IsGreaterThan(0.7, m.UncertaintyAuroc, $"{result.Method}: entropy separates wrong from right");
            Assert.IsGreaterThanOrEqualTo(m.Accuracy, m.SelectiveAccuracy[0.5], $"{result.Method}: the most confident half is at least as accurate as all rows");
            Assert.AreEqual(500, m.ReliabilityBins.Sum(b => b.Count));
        }

        Assert.AreNotEqual(results[0].Metrics.LogLoss, results[1].Metrics.LogLoss, "Monte Carlo dropout averages other probabilities than the deterministic pass");
    }
}
