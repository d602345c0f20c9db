using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Bench.Harness;
using MlNetMlp.Datasets;
using MlNetMlp.Pipelines;
using TorchSharp;

namespace MlNetMlp.Bench.Inference;

/// <summary>
/// Trains the MNIST models once (the MLP, and unless told otherwise L-BFGS maximum entropy and one-versus-all FastTree
/// on the same prepared features) and measures how each scores the real test set: a <c>PredictionEngine</c> one row at
/// a time, and a batch <c>Transform</c>. Beside them, the MLP's weights run through a plain TorchSharp forward pass, and
/// are exported for the PyTorch peer.
/// </summary>
internal static class MnistScoringRun
{
    public static ScoringMeasurements Measure(BenchArguments arguments)
    {
        var threads = arguments.OptionalInteger("threads");
        TorchRuntime.EnsureStarted();
        if (threads is { } count)
        {
            torch.set_num_threads(count);
        }

        var mlContext = new MLContext(seed: 1);
        var preparation = MnistPipeline.Preparation(mlContext);
        var trainRaw = MnistDataset.LoadFolder(arguments.Text("train-folder"), DataSplit.Train);
        var features = preparation.Fit(trainRaw);
        var train = mlContext.Data.Cache(features.Transform(trainRaw));
        var test = mlContext.Data.Cache(features.Transform(MnistDataset.LoadFolder(arguments.Text("test-folder"), DataSplit.Test)));
        var testRows = mlContext.Data.CreateEnumerable<DigitFeatures>(test, reuseRowObject: false).ToArray();
        var singleRows = arguments.Integer("single-rows");
        var passes = arguments.Integer("passes");

        var options = MnistPipeline.CreateMlpOptions(arguments.Integer("epochs"));
        options.Seed = 1;
        options.NumberOfThreads = threads;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Console.Error.WriteLine("Training the MLP...");
        var mlp = mlContext.Mlp(options).Fit(train);
        var torchThreads = torch.get_num_threads();
        var scorers = new List<ScoringMeasurement>
        {
            MlNetScorer.Measure(mlContext, "MlNetMlp MlpTransformer (managed, MlNetMlp.Scoring)", mlp, test, testRows, singleRows, passes, torchThreads),
            TorchSharpForwardPass.Measure(mlp.Model.GetWeights(), testRows, singleRows, passes),
        };
        if (!arguments.Flag("without-baselines"))
        {
            Console.Error.WriteLine($"Training L-BFGS maximum entropy ({clock.Elapsed.TotalSeconds:F1} s)...");
            var lbfgs = mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(MnistPipeline.LabelColumnName, MnistPipeline.FeaturesColumnName).Fit(train);
            scorers.Add(MlNetScorer.Measure(mlContext, "ML.NET LbfgsMaximumEntropy", lbfgs, test, testRows, singleRows, passes, torchThreads));
            Console.Error.WriteLine($"Training one-versus-all FastTree ({clock.Elapsed.TotalSeconds:F1} s)...");
            var fastTree = mlContext.MulticlassClassification.Trainers.OneVersusAll(
                mlContext.BinaryClassification.Trainers.FastTree(MnistPipeline.LabelColumnName, MnistPipeline.FeaturesColumnName, numberOfTrees: arguments.Integer("fasttree-trees")),
                MnistPipeline.LabelColumnName).Fit(train);
            scorers.Add(MlNetScorer.Measure(mlContext, "ML.NET OneVersusAll(FastTree)", fastTree, test, testRows, singleRows, passes, torchThreads));
        }

        if (arguments.Optional("weights-out") is { } weightsPath)
        {
            WeightsFile.Write(mlp.Model.GetWeights(), weightsPath);
        }

        return new ScoringMeasurements([.. scorers]);
    }
}

/// <summary>One prepared MNIST row: the scaled pixels and the digit's key.</summary>
internal sealed class DigitFeatures
{
    [VectorType(784)]
    public float[] Features { get; set; } = [];

    [KeyType(10)]
    public uint Label { get; set; }
}

/// <summary>What a multiclass model predicts for one row.</summary>
internal sealed class DigitPrediction
{
    public float[] Score { get; set; } = [];

    public uint PredictedLabel { get; set; }
}
