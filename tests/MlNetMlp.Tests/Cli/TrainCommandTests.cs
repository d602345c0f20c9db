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
