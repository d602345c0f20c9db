using Microsoft.ML;
using MlNetMlp.Bench.Harness;
using MlNetMlp.Datasets;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Bench.Training;

/// <summary>
/// Peer (a): <c>MnistPipeline</c> (NormalizePixels, then <c>mlContext.Mlp</c> 784-512-10) fitted on the IDX files
/// through the project's own streaming reader, as an application would; the trainer reads the rows once into its cache.
/// </summary>
internal static class MlNetMlpMnistRun
{
    public static TrainingMeasurement Measure(BenchArguments arguments)
    {
        var mlContext = new MLContext(seed: 1);
        var train = MnistDataset.LoadFolder(arguments.Text("train-folder"), DataSplit.Train);
        var fit = MlNetMlpFit.Run(MnistPipeline.CreateMlpOptions(arguments.Integer("epochs")), arguments, options => MnistPipeline.Create(mlContext, options), train);
        var test = MnistDataset.LoadFolder(arguments.Text("test-folder"), DataSplit.Test);
        var accuracy = mlContext.MulticlassClassification.Evaluate(fit.Model.Transform(test)).MicroAccuracy;
        return fit.Measurement((int)train.GetRowCount()!.Value, testAccuracy: accuracy);
    }
}
