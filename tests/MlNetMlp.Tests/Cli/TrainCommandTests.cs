using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Tests.Infrastructure;
using SkiaSharp;

namespace MlNetMlp.Tests.Cli;

/// <summary><c>mlnetmlp train</c> shapes the network from its options and writes the learning curves beside the model.</summary>
[TestClass]
public sealed class TrainCommandTests
{
    [TestMethod]
    public void Train_NetworkOptions_ShapeTheSavedNetwork_AndTheCurvesGoBesideTheModel()
    {
        using var directory = new TemporaryDirectory();
        var modelPath = directory.File("models/shaped.zip");

        var result = CliRunner.Run(
            "train", "mnist", "--rows", "800", "--epochs", "3", "--hidden", "32,16", "--activation", "tanh", "--dropout", "0.25", "--l2", "0.0005",
            "--optimizer", "adam", "--learning-rate", "0.002", "--batch-size", "64", "--validation-split", "0.2", "--early-stopping", "1", "--model", modelPath);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        StringAssert.Contains(result.StandardOutput, "Adam, learning rate 0.002, batch 64", result.Transcript);
        var chain = (TransformerChain<ITransformer>)ModelFile.Load(new MLContext(seed: 1), modelPath, out _);
        var mlp = ((MlpTransformer)chain.LastTransformer).Model;
        CollectionAssert.AreEqual(
            new[]
            {
                MlpLayer.Dense(32, MlpActivation.Tanh, l2: 0.0005f), MlpLayer.Dropout(0.25f),
                MlpLayer.Dense(16, MlpActivation.Tanh, l2: 0.0005f), MlpLayer.Dropout(0.25f),
            },
            mlp.HiddenLayers.ToArray());
        Assert.IsTrue(mlp.History.Count is 2 or 3, $"early stopping with patience 1 within 3 epochs: {mlp.History.Count}");
        Assert.IsTrue(mlp.History.All(epoch => epoch.ValidationLoss is not null), "validated on the held-out 20%");
        Assert.IsTrue(mlp.History.All(epoch => epoch.PenaltyLoss > 0), "the L2 penalty is part of the loss");

        var csv = File.ReadAllLines(directory.File("models/shaped-history.csv"));
        Assert.AreEqual("epoch,loss,accuracy,val_loss,val_accuracy,penalty_loss,seconds", csv[0]);
        Assert.HasCount(mlp.History.Count + 1, csv);
        using var png = SKBitmap.Decode(directory.File("models/shaped-history.png"));
        Assert.IsNotNull(png, "the learning curves are a PNG");
        Assert.AreEqual(1280, png.Width);
    }

    [TestMethod]
    public void Train_TrainingControlOptions_ReachTheTrainer_AndTheModelRecordsThem()
    {
        using var directory = new TemporaryDirectory();
        var modelPath = directory.File("controlled.zip");

        var result = CliRunner.Run(
            "train", "mnist", "--rows", "600", "--epochs", "4", "--hidden", "32", "--optimizer", "adamw", "--beta2", "0.95", "--lr-schedule", "cosine", "--warmup", "1",
            "--clipnorm", "1", "--class-weights", "balanced", "--label-smoothing", "0.1", "--validation-split", "0.2",
            "--checkpoint", directory.File("checkpoints"), "--resume", directory.File("backup"), "--model", modelPath);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        var chain = (TransformerChain<ITransformer>)ModelFile.Load(new MLContext(seed: 1), modelPath, out _);
        var mlp = ((MlpTransformer)chain.LastTransformer).Model;
        Assert.AreEqual("AdamW(learning_rate=0.001, beta_1=0.9, beta_2=0.95, weight_decay=0.004, clipnorm=1)", mlp.TrainingSettings["optimizer"]);
        StringAssert.StartsWith(mlp.TrainingSettings["learning_rate_schedule"], "CosineDecay(initialLearningRate=0.0005");
        StringAssert.StartsWith(mlp.TrainingSettings["class_weights"], "balanced: [");
        Assert.AreEqual("0.1", mlp.TrainingSettings["label_smoothing"]);
        StringAssert.Contains(mlp.TrainingSettings["callbacks"], "ModelCheckpoint(filePath=");
        StringAssert.Contains(mlp.TrainingSettings["callbacks"], "BackupAndRestore(backupDirectory=");
        // Warmup from half the rate over one epoch, then the cosine over the other three.
        CollectionAssert.AreEqual(new[] { 0.0005, 0.001, 0.00075, 0.00025 }, mlp.History.Select(e => Math.Round(e.LearningRate!.Value, 7)).ToArray());
        CollectionAssert.AreEqual(new[] { "model-001.zip", "model-002.zip", "model-003.zip", "model-004.zip" }, Directory.GetFiles(directory.File("checkpoints")).Select(Path.GetFileName).Order().ToArray());
        Assert.IsFalse(File.Exists(Path.Combine(directory.File("backup"), "training-backup.bin")), "the completed run deleted its backup");
    }

    [TestMethod]
    [DataRow("--warmup: expected --lr-schedule cosine, whose warmup it sets.", "--lr-schedule", "exponential", "--warmup", "2")]
    [DataRow("--clipnorm: expected at most one of clipNorm, globalClipNorm and clipValue (as Keras). Received: clipNorm and clipValue.", "--clipnorm", "1", "--clipvalue", "1")]
    [DataRow("--lr-schedule: expected one of cosine, exponential, inverse-time, polynomial, cosine-restarts, one-cycle. Received: 'linear'.", "--lr-schedule", "linear")]
    [DataRow("--reduce-lr: expected validation data (validationFraction > 0 or validationData)", "--reduce-lr", "3", "--validation-split", "0")]
    [DataRow("--reduce-lr: expected either a learningRateSchedule or a callback that sets the rate, not both", "--reduce-lr", "3", "--lr-schedule", "cosine", "--validation-split", "0.2")]
    public void Train_TrainingControlOptionsThatDoNotGo_AreUsageErrorsNamingTheOption(string expected, params string[] options)
    {
        var result = CliRunner.Run(["train", "mnist", .. options]);

        Assert.AreEqual(2, result.ExitCode, result.Transcript);
        StringAssert.StartsWith(result.StandardError, $"usage: {expected}", result.Transcript);
    }

    [TestMethod]
    [DataRow("train", "--model", "blocker/model.zip", "cannot create the folder")]
    [DataRow("train", "--model", "folder", "is a folder")]
    [DataRow("compare", "--out", "blocker", "is a file")]
    [DataRow("compare", "--out", "blocker/report", "cannot create the folder")]
    public void Command_OutputPathThatCannotBeWritten_IsRefusedBeforeAnyTraining(string command, string option, string path, string expected)
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("blocker"), "a file where a folder would have to be");
        Directory.CreateDirectory(directory.File("folder"));

        var result = CliRunner.Run(command, "mnist", option, directory.File(path));

        Assert.AreEqual(2, result.ExitCode, result.Transcript);
        StringAssert.StartsWith(result.StandardError, $"usage: {option}: ", result.Transcript);
        StringAssert.Contains(result.StandardError, expected, result.Transcript);
        Assert.IsFalse(result.StandardOutput.Contains("Epoch", StringComparison.Ordinal) || result.StandardOutput.Contains("training", StringComparison.Ordinal),
            $"refused before any work\n{result.Transcript}");
    }
}
