using Microsoft.ML;
using MlNetMlp;
using MlNetMlp.Callbacks;
using MlNetMlp.Datasets;

// Usage: MlNetMlp.TrainingHost backup <backup-dir> <model.zip> <epochs>
//        MlNetMlp.TrainingHost checkpoint <checkpoint.zip> <model.zip> <epochs>
// Trains 784-64-10 with dropout on the first 2,000 digits of the embedded MNIST sample, on one torch thread with a
// fixed seed, with BackupAndRestore or ModelCheckpoint on the given path; prints "begin N" as each epoch starts (when
// the epoch before is complete and its files written), then saves the trained model. Errors go to stderr, exit code 1.
if (args.Length != 4 || args[0] is not ("backup" or "checkpoint"))
{
    Console.Error.WriteLine("usage: MlNetMlp.TrainingHost backup|checkpoint <path> <model.zip> <epochs>");
    return 2;
}

try
{
    var mlContext = new MLContext(seed: 1);
    var data = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 2000);
    var pixels = mlContext.Transforms.NormalizePixels("Features", MnistDataset.PixelsColumnName).Fit(data);
    var features = pixels.Transform(data);
    var options = new MlpOptions
    {
        Layers = [MlpLayer.Dense(args[0] == "checkpoint" ? 1024 : 64), MlpLayer.Dropout(0.3f)],
        Epochs = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
        BatchSize = 64,
        Optimizer = MlpOptimizer.AdamW,
        ValidationFraction = 0.1f,
        NumberOfThreads = 1,
        Seed = 11,
        Callbacks =
        [
            args[0] == "backup" ? new BackupAndRestore(args[1]) : new ModelCheckpoint(args[1]),
            new EpochLine(),
        ],
    };
    var model = mlContext.MulticlassClassification.Trainers.Mlp(options).Fit(features);
    mlContext.Model.Save(model, features.Schema, args[2]);
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"{e.GetType().FullName}: {e.Message}");
    return 1;
}

/// <summary>Tells the parent process each epoch is starting: the one before is done, its files written.</summary>
internal sealed class EpochLine : MlpCallback
{
    public override void OnEpochBegin(MlpTrainingContext context, int epoch)
    {
        Console.WriteLine($"begin {epoch}");
        Console.Out.Flush();
    }
}
