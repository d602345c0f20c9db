using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Experiments;
using MlNetMlp.Pipelines;
using MlNetMlp.Tests.Infrastructure;
using SkiaSharp;

namespace MlNetMlp.Tests.Experiments;

/// <summary>A trained network's history as Keras's History plot (PNG) and CSVLogger file.</summary>
[TestClass]
public sealed class TrainingHistoryFilesTests
{
    [TestMethod]
    public void Write_NetworkTrainedWithValidation_WritesBothPanelsAndEveryEpochAsCsv()
    {
        var mlContext = new MLContext(seed: 1);
        var options = MnistPipeline.CreateMlpOptions(epochs: 3);
        options.HiddenLayers = [32];
        options.ValidationFraction = 0.2f;
        var model = (TransformerChain<MlpTransformer>)MnistPipeline.Create(mlContext, options).Fit(mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 500));
        var mlp = model.LastTransformer.Model;
        using var directory = new TemporaryDirectory();

        TrainingHistoryFiles.Write(mlp, "MNIST 784-32-10", directory.File("history.png"), directory.File("history.csv"));

        using var image = SKBitmap.Decode(directory.File("history.png"));
        Assert.AreEqual(1280, image.Width);
        Assert.AreEqual(520, image.Height);
        var lines = File.ReadAllLines(directory.File("history.csv"));
        Assert.AreEqual("epoch,loss,accuracy,val_loss,val_accuracy,penalty_loss,seconds", lines[0]);
        Assert.HasCount(4, lines);
        for (var i = 0; i < 3; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.AreEqual((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[0]);
            Assert.AreEqual(mlp.History[i].TrainingLoss, double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.AreEqual(mlp.History[i].ValidationMetric!.Value, double.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
