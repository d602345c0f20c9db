using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Callbacks;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers.Callbacks;

/// <summary>
/// The callbacks that write files: ModelCheckpoint saves ordinary model files (every epoch, or the best only), atomically
/// even when the process is killed while saving; CsvLogger writes every named figure of every epoch.
/// </summary>
[TestClass]
public sealed class FileCallbackTests
{
    [TestMethod]
    public void Fit_ModelCheckpointEveryEpoch_EachFileIsAModelThatScoresAsTheRunDidAtThatEpoch()
    {
        var mlContext = new MLContext(seed: 1);
        var (train, test) = Digits(mlContext);
        using var directory = new TemporaryDirectory();
        var checkpoint = new ModelCheckpoint(Path.Combine(directory.Path, "mlp-{epoch:00}-{val_loss:0.000}.zip"));
        var transformer = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions
        {
            HiddenLayers = [16],
            Epochs = 3,
            ValidationFraction = 0.2f,
            Callbacks = [checkpoint],
            Seed = 2,
        }).Fit(train);

        var history = transformer.Model.History;
        CollectionAssert.AreEqual(history.Select(e => Path.Combine(directory.Path, $"mlp-{e.Epoch:00}-{e.ValidationLoss!.Value.ToString("0.000", CultureInfo.InvariantCulture)}.zip")).ToArray(), checkpoint.Saved.ToArray());
        var last = (MlpTransformer)ModelFile.Load(mlContext, checkpoint.Saved[^1], out var schema);
        Assert.IsNotNull(schema.GetColumnOrNull("Features"), "the training data's schema is the input schema");
        Assert.HasCount(3, last.Model.History);
        DataViewAssert.BitIdentical(transformer.Transform(test), last.Transform(test), "Score", "PredictedLabel");
        var first = (MlpTransformer)ModelFile.Load(mlContext, checkpoint.Saved[0], out _);
        Assert.HasCount(1, first.Model.History);
    }

    [TestMethod]
    public void Fit_ModelCheckpointBestOnly_SavesOnlyTheEpochsThatImprovedTheMonitoredFigure()
    {
        var mlContext = new MLContext(seed: 1);
        var (train, _) = Digits(mlContext);
        using var directory = new TemporaryDirectory();
        var checkpoint = new ModelCheckpoint(Path.Combine(directory.Path, "best-{epoch}.zip"), monitor: "val_accuracy", saveBestOnly: true);

        var history = mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions
        {
            HiddenLayers = [16],
            Epochs = 8,
            LearningRate = 0.02f,
            ValidationFraction = 0.3f,
            Callbacks = [checkpoint],
            Seed = 3,
        }).Fit(train).Model.History;

        var improving = history.Where((epoch, i) => history.Take(i).All(before => epoch.ValidationMetric > before.ValidationMetric)).Select(e => e.Epoch).ToList();
        CollectionAssert.AreEqual(improving.Select(e => Path.Combine(directory.Path, $"best-{e}.zip")).ToArray(), checkpoint.Saved.ToArray());
        Assert.IsLessThan(8, checkpoint.Saved.Count, $"accuracies {string.Join(", ", history.Select(e => e.ValidationMetric))}");
    }

    [TestMethod]
    public void ModelCheckpoint_ProcessKilledWhileTraining_TheCheckpointIsAlwaysAWholeModelOrAbsent()
    {
        using var directory = new TemporaryDirectory();
        var checkpoint = directory.File("checkpoint.zip");
        var outcomes = new List<string>();
        // A 784-1024-10 network saves about 3 MB per epoch; kills land at different points of the epochs and the saves.
        foreach (var delay in new[] { 2500, 3100, 3700, 4300, 4900 })
        {
            var (lines, killed) = ProcessRunner.RunAndKill("dotnet", [TestPaths.TrainingHostDll, "checkpoint", checkpoint, directory.File("model.zip"), "40"], killDelay: TimeSpan.FromMilliseconds(delay));
            Assert.IsTrue(killed, $"the run ended before the kill at {delay} ms: {string.Join(" | ", lines)}");
            if (File.Exists(checkpoint))
            {
                var model = (MlpTransformer)ModelFile.Load(new MLContext(), checkpoint, out _);
                outcomes.Add($"{delay} ms: {lines.Count} epochs begun, checkpoint of epoch {model.Model.History.Count}");
                Assert.IsLessThanOrEqualTo(lines.Count, model.Model.History.Count, "the checkpoint is of the epoch before the last one begun, or of that one (saved as it ended)");
            }
            else
            {
                outcomes.Add($"{delay} ms: {lines.Count} epochs begun, no checkpoint yet");
            }
        }

        Console.WriteLine(string.Join(Environment.NewLine, outcomes));
        Assert.IsTrue(File.Exists(checkpoint), "at least one kill came after a checkpoint");
    }

    [TestMethod]
    public void AtomicFile_WriteThatFails_LeavesTheFileItWouldHaveReplaced()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("model.zip");
        File.WriteAllText(path, "the model of yesterday");

        Assert.ThrowsExactly<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[1000]);
            throw new IOException("No space left on device");
        }));

        Assert.AreEqual("the model of yesterday", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(directory.Path));
    }

    [TestMethod]
    public void Fit_CsvLogger_OneRowPerEpochWithEveryNamedFigure()
    {
        var mlContext = new MLContext(seed: 1);
        var (train, _) = Digits(mlContext);
        using var directory = new TemporaryDirectory();
        var log = directory.File("logs/history.csv");

        var history = mlContext.Mlp(new MlpOptions { HiddenLayers = [8], Epochs = 3, ValidationFraction = 0.2f, Callbacks = [new CsvLogger(log)], Seed = 4 }).Fit(train).Model.History;

        var lines = File.ReadAllLines(log);
        Assert.AreEqual("epoch,loss,accuracy,penalty,val_loss,val_penalty,val_accuracy,time,learning_rate", lines[0]);
        Assert.HasCount(4, lines);
        for (var i = 0; i < 3; i++)
        {
            var values = lines[i + 1].Split(',');
            Assert.AreEqual((i + 1).ToString(CultureInfo.InvariantCulture), values[0]);
            Assert.AreEqual(history[i].TrainingLoss, double.Parse(values[1], CultureInfo.InvariantCulture));
            Assert.AreEqual(history[i].ValidationMetric!.Value, double.Parse(values[6], CultureInfo.InvariantCulture));
        }
    }

    [TestMethod]
    public void MlpEnsemble_CallbackThatWritesFiles_IsRefusedBecauseTheMembersWouldOverwriteEachOther()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().MlpEnsemble(new MlpOptions { Callbacks = [new CsvLogger("log.csv")] }));

        Assert.AreEqual("Callbacks", error.ParamName);
        StringAssert.StartsWith(error.Message, "Expected no callback that writes files in an ensemble's options: every member would write log.csv over the one before.");
    }

    private static (IDataView Train, IDataView Test) Digits(MLContext mlContext)
    {
        var pixels = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName);
        var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 400);
        var prepare = pixels.Fit(train);
        return (prepare.Transform(train), prepare.Transform(mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 100)));
    }
}
