using Microsoft.ML;
using MlNetMlp.Callbacks;
using MlNetMlp.Datasets;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Trainers.Callbacks;

/// <summary>
/// BackupAndRestore: a run killed for real (SIGKILL) as its fourth epoch starts, and started again with the same backup
/// folder, resumes at the fourth and ends with exactly the weights and history of a run never interrupted, on one torch
/// thread; the deciding callbacks resume with their state; a backup of another run is refused.
/// </summary>
[TestClass]
public sealed class BackupAndRestoreTests
{
    [TestMethod]
    public void Fit_KilledInEpoch4AndStartedAgain_ResumesThereAndEndsBitIdenticalToTheUninterruptedRun()
    {
        using var directory = new TemporaryDirectory();
        var whole = ProcessRunner.Run("dotnet", [TestPaths.TrainingHostDll, "backup", directory.File("whole-backup"), directory.File("whole.zip"), "6"]);
        Assert.AreEqual(0, whole.ExitCode, whole.Transcript);

        var (before, killed) = ProcessRunner.RunAndKill("dotnet", [TestPaths.TrainingHostDll, "backup", directory.File("backup"), directory.File("resumed.zip"), "6"], killAfter: line => line == "begin 4");
        Assert.IsTrue(killed, string.Join(" | ", before));
        Assert.IsTrue(File.Exists(Path.Combine(directory.File("backup"), BackupAndRestore.FileName)), "the backup of epoch 3 survives the kill");
        Assert.IsFalse(File.Exists(directory.File("resumed.zip")));
        var after = ProcessRunner.Run("dotnet", [TestPaths.TrainingHostDll, "backup", directory.File("backup"), directory.File("resumed.zip"), "6"]);

        Assert.AreEqual(0, after.ExitCode, after.Transcript);
        CollectionAssert.AreEqual(new[] { "begin 1", "begin 2", "begin 3", "begin 4" }, before.ToArray());
        CollectionAssert.AreEqual(new[] { "begin 4", "begin 5", "begin 6" }, after.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var expected = Load(directory.File("whole.zip"));
        var resumed = Load(directory.File("resumed.zip"));
        AssertSameRun(expected, resumed);
        Assert.IsFalse(File.Exists(Path.Combine(directory.File("backup"), BackupAndRestore.FileName)), "a completed run deletes its backup");
    }

    [TestMethod]
    public void Fit_FailedAtEpoch3WithStatefulCallbacks_ResumedRunDecidesAsTheUninterruptedOne()
    {
        using var directory = new TemporaryDirectory();
        var whole = Train(directory.File("whole"), failAtEpoch: null);

        Assert.ThrowsExactly<InvalidOperationException>(() => Train(directory.File("resumed"), failAtEpoch: 3));
        var resumed = Train(directory.File("resumed"), failAtEpoch: null);

        AssertSameRun(whole, resumed);
        Assert.IsTrue(whole.History.Select(e => e.LearningRate).Distinct().Count() > 1, "ReduceLROnPlateau changed the rate, so its resumed state mattered");
    }

    [TestMethod]
    public void Fit_BackupOfAnotherRun_IsRefusedNamingBothRuns()
    {
        using var directory = new TemporaryDirectory();
        Assert.ThrowsExactly<InvalidOperationException>(() => Train(directory.Path, failAtEpoch: 2));

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => Train(directory.Path, failAtEpoch: null, hidden: 12));

        StringAssert.Contains(error.Message, "cannot be used: it was written by another run (");
        StringAssert.Contains(error.Message, "Delete it to train from the start.");
    }

    private static MlpModel Train(string backup, int? failAtEpoch, int hidden = 16)
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 500);
        var features = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName).Fit(data).Transform(data);
        return mlContext.MulticlassClassification.Trainers.Mlp(new MlpOptions
        {
            Layers = [MlpLayer.Dense(hidden), MlpLayer.BatchNormalization(), MlpLayer.Dropout(0.2f)],
            Epochs = 7,
            LearningRate = 0.01f,
            Optimizer = MlpOptimizer.Nadam,
            ValidationFraction = 0.2f,
            NumberOfThreads = 1,
            Seed = 5,
            Callbacks = [new ReduceLROnPlateau(factor: 0.5, patience: 1, minDelta: 0.05), new BackupAndRestore(backup), new FailAt(failAtEpoch)],
            EarlyStopping = new MlpEarlyStopping { Patience = 3, RestoreBestWeights = true },
        }).Fit(features).Model;
    }

    private static MlpModel Load(string path) => ((MlpTransformer)ModelFile.Load(new MLContext(), path, out _)).Model;

    private static void AssertSameRun(MlpModel expected, MlpModel actual)
    {
        for (var layer = 0; layer <= expected.HiddenLayers.Count; layer++)
        {
            foreach (var (name, values) in expected.GetLayerWeights(layer))
            {
                CollectionAssert.AreEqual(values, actual.GetLayerWeights(layer)[name], $"layer {layer} {name}");
            }
        }

        CollectionAssert.AreEqual(expected.History.Select(e => e with { WallTime = TimeSpan.Zero }).ToArray(), actual.History.Select(e => e with { WallTime = TimeSpan.Zero }).ToArray());
    }

    /// <summary>Throws at the end of an epoch, as a crash would end the run there.</summary>
    private sealed class FailAt(int? epoch) : MlpCallback
    {
        public override void OnEpochEnd(MlpTrainingContext context, MlpEpoch figures)
        {
            if (figures.Epoch == epoch)
            {
                throw new IOException("the machine went down");
            }
        }
    }
}
