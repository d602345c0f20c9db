using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Experiments;
using MlNetMlp.Pipelines;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Experiments;

/// <summary>The regularization study on small real IMDb subsets: every network, every file, and the book's effect.</summary>
[TestClass]
public sealed class RegularizationStudyTests
{
    [TestMethod]
    public void Run_SmallImdbSubsetEveryNetwork_WritesEveryFileWithOneRowPerNetwork()
    {
        var mlContext = new MLContext(seed: 1);
        var (train, test) = Reviews(mlContext, trainPerLabel: 300, testPerLabel: 150);
        var options = new RegularizationStudyOptions
        {
            Models = Enum.GetValues<RegularizationModel>(),
            Epochs = 3,
            Validation = RegularizationValidation.Split,
            ValidationRows = 200,
            Seed = 4,
            Uncertainty = true,
            MonteCarloSamples = 5,
            EnsembleMembers = 2,
        };

        var outcome = new RegularizationStudy(options).Run(mlContext, StudyData.Of("imdb", train, test, "test subset"));
        var report = outcome.Result;
        using var folder = new TemporaryDirectory();
        var files = outcome.Write(folder.Path);

        Assert.AreEqual(new DataDescription("IMDb", "test subset", 400, 300, 200), report.Data);
        Assert.AreEqual(new RegularizationProtocol(3, RegularizationValidation.Split, 200, 4, 512, "RMSprop, learning rate 0.001",
            "WordIndex (10,000 most frequent training words), then VectorizeSequences (10,000-wide multi-hot)"), report.Protocol);
        CollectionAssert.AreEqual(Enum.GetValues<RegularizationModel>(), report.Results.Select(r => r.Model).ToArray());
        foreach (var result in report.Results)
        {
            Assert.HasCount(3, result.History, result.Name);
            Assert.IsTrue(result.History.All(e => double.IsFinite(e.ValidationLoss!.Value) && double.IsFinite(e.ValidationLossWithoutPenalty!.Value)), result.Name);
            Assert.IsTrue(result.TestAccuracy is >= 0 and <= 1, $"{result.Name}: test accuracy {result.TestAccuracy}");
            Assert.IsTrue(result.BestEpoch is >= 1 and <= 3 && result.KeptEpoch is >= 1 and <= 3, result.Name);
            Assert.IsGreaterThan(0.0, result.TrainingSeconds);
        }

        var penalized = report.Results.Where(r => r.Model is RegularizationModel.L1 or RegularizationModel.L2 or RegularizationModel.L1L2).ToList();
        Assert.IsTrue(penalized.All(r => r.FinalValidationLossWithPenalty > r.FinalValidationLoss), "L1/L2 networks report their penalty apart");
        Assert.IsTrue(report.Results.Except(penalized).All(r => r.FinalValidationLossWithPenalty == r.FinalValidationLoss));
        Assert.AreEqual(10_000L * 16 + 16 + 16 * 16 + 16 + 17, report.Results.Single(r => r.Model == RegularizationModel.Original).Parameters);
        Assert.AreEqual(10_000L * 512 + 512 + 512 * 512 + 512 + 513, report.Results.Single(r => r.Model == RegularizationModel.Bigger).Parameters);
        Assert.HasCount(6, report.Conclusions);
        Assert.IsTrue(report.Conclusions.All(c => c.Book!.Holds && c.OursWithoutPenalty is not null && c.OursWithPenalty is not null));
        Assert.IsGreaterThan(0.0, outcome.Context.StudySeconds);
        CollectionAssert.AreEqual(new[] { "MLP", "MC dropout (T=5)", "Deep ensemble (M=2)" }, report.Uncertainty!.Methods.Select(m => m.Method).ToArray());
        Assert.IsTrue(report.Uncertainty.Methods.All(m => m.Metrics.Rows == 300 && double.IsFinite(m.Metrics.LogLoss) && double.IsFinite(m.Metrics.ExpectedCalibrationError)));
        var dropout = report.Results.Single(r => r.Model == RegularizationModel.Dropout);
        Assert.AreEqual(dropout.TestAccuracy, report.Uncertainty.Methods[0].Metrics.Accuracy, 1e-9, "the plain method is the study's dropout network itself");

        var csv = File.ReadAllLines(files.Csv);
        Assert.HasCount(9, csv);
        StringAssert.StartsWith(csv[0], "model,name,parameters,epochs_trained,kept_epoch,best_epoch,best_validation_loss,final_validation_loss,");
        StringAssert.StartsWith(csv[3], "Bigger,512-512-1 (bigger),5383681,3,3,");
        var epochs = File.ReadAllLines(Path.Combine(folder.Path, "epochs.csv"));
        Assert.HasCount(1 + 8 * 3, epochs);
        StringAssert.Contains(epochs[1], ",0.3429,", "the book's loss beside ours, per epoch");
        CollectionAssert.AreEqual(new[] { Path.Combine(files.Directory, "epochs.csv") }, files.ExtraCsv.ToArray());

        CollectionAssert.AreEquivalent(
            new[]
            {
                "validation-loss.png", "validation-loss-without-penalty.png", "validation-accuracy.png", "loss-original.png", "loss-smaller.png", "loss-bigger.png",
                "loss-l2.png", "loss-dropout.png", "loss-l1.png", "loss-l1l2.png", "loss-earlystopping.png", "reliability.png",
            },
            files.Charts.Select(c => c.FileName).ToArray());
        Assert.IsTrue(files.Charts.All(c => new FileInfo(Path.Combine(files.Directory, c.FileName)).Length > 5_000));

        var markdown = File.ReadAllText(files.Markdown);
        var original = report.Results[0].History[0];
        StringAssert.Contains(markdown, $"| 1 | 0.3429 | {original.ValidationLoss!.Value.ToString("0.0000", CultureInfo.InvariantCulture)} |");
        StringAssert.Contains(markdown, "| The bigger network overfits first");
        StringAssert.Contains(markdown, "Ours, without penalty");
        StringAssert.Contains(markdown, "## Predictive uncertainty of the dropout network");
        StringAssert.Contains(markdown, "| MC dropout (T=5) |");
        StringAssert.Contains(markdown, "validation on 200 training reviews held out at random (seed 4)");
        StringAssert.Contains(markdown, "| 16-16-1 + L2(0.001) | 10,000 inputs → Dense(16, Relu, l2=0.001), Dense(16, Relu, l2=0.001) → Dense(1, Sigmoid) |");
        var html = File.ReadAllText(files.Html);
        Assert.AreEqual(files.Charts.Count, (html.Length - html.Replace("src=\"data:image/png;base64,", "", StringComparison.Ordinal).Length) / "src=\"data:image/png;base64,".Length);

        using var json = JsonDocument.Parse(File.ReadAllText(files.Json));
        var first = json.RootElement.GetProperty("results")[0];
        Assert.AreEqual("Original", first.GetProperty("model").GetString());
        Assert.AreEqual(3, first.GetProperty("history").GetArrayLength());
        Assert.AreEqual(report.Results[0].BestValidationLoss, first.GetProperty("bestValidationLoss").GetDouble());
    }

    [TestMethod]
    public void Run_SubsetTrainedToOverfit_L2AndDropoutEndBelowTheOriginalWithoutPenalty()
    {
        var mlContext = new MLContext(seed: 1);
        // 2,000 reviews make 4 batches of 512 per epoch: 40 epochs give the 160 steps after which the book's original overfits.
        var (train, test) = Reviews(mlContext, trainPerLabel: 1000, testPerLabel: 300);
        var options = new RegularizationStudyOptions
        {
            Models = [RegularizationModel.Original, RegularizationModel.L2, RegularizationModel.Dropout],
            Epochs = 40,
            Seed = 1,
        };

        var report = new RegularizationStudy(options).Run(mlContext, StudyData.Of("imdb", train, test)).Result;

        var (original, l2, dropout) = (report.Results[0], report.Results[1], report.Results[2]);
        foreach (var result in report.Results)
        {
            Console.WriteLine($"{result.Name}: best {result.BestValidationLoss:F4} at epoch {result.BestEpoch}, final {result.FinalValidationLoss:F4} (with penalty {result.FinalValidationLossWithPenalty:F4}), test accuracy {result.TestAccuracy:F4}");
        }

        Assert.IsLessThan(25, original.BestEpoch, "the original overfits: its lowest validation loss comes early");
        Assert.IsGreaterThan(original.BestValidationLoss * 1.1, original.FinalValidationLoss, "and its validation loss climbs after it");
        Assert.IsLessThan(original.FinalValidationLoss, l2.FinalValidationLoss);
        Assert.IsLessThan(original.FinalValidationLoss, dropout.FinalValidationLoss);
        Assert.AreEqual(report.Data.TestRows, report.Data.ValidationRows, "the book's protocol validates on the test reviews");
        Assert.IsNull(report.Uncertainty, "uncertainty is measured only when asked for");
    }

    [TestMethod]
    public void Run_BadOptions_ThrowNamingTheOption()
    {
        var mlContext = new MLContext(seed: 1);
        var reviews = mlContext.Data.LoadFromEnumerable(new[] { new SharedDatasets.Review { Text = "good", Label = true }, new SharedDatasets.Review { Text = "bad", Label = false } });

        ArgumentOutOfRangeException Run(RegularizationStudyOptions options) =>
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RegularizationStudy(options).Run(mlContext, StudyData.Of("imdb", reviews, reviews)));

        Assert.AreEqual("Models", Run(new() { Models = [] }).ParamName);
        StringAssert.Contains(Run(new() { Models = [RegularizationModel.L2, RegularizationModel.L2] }).Message, "Expected each model once");
        Assert.AreEqual("Epochs", Run(new() { Epochs = 0 }).ParamName);
        Assert.AreEqual("ValidationRows", Run(new() { ValidationRows = 0 }).ParamName);
        Assert.AreEqual("EnsembleMembers", Run(new() { Uncertainty = true, EnsembleMembers = 1 }).ParamName);
        Assert.AreEqual("MonteCarloSamples", Run(new() { Uncertainty = true, MonteCarloSamples = 1 }).ParamName);
        var holdOut = Run(new() { Validation = RegularizationValidation.Split, ValidationRows = 2, Epochs = 1, Models = [RegularizationModel.Smaller] });
        StringAssert.Contains(holdOut.Message, "Expected fewer validation rows than the 2 training reviews");
        Assert.AreEqual("ValidationRows", holdOut.ParamName);
    }

    private static (IDataView Train, IDataView Test) Reviews(MLContext mlContext, int trainPerLabel, int testPerLabel) => (
        mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Train, trainPerLabel)),
        mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Test, testPerLabel)));
}
