using System.Net.Http;
using Microsoft.ML;
using MlNetMlp.Datasets;
using MlNetMlp.Experiments.Comparison;
using MlNetMlp.Experiments.Reports;
using MlNetMlp.Pipelines;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Experiments;

[TestClass]
public sealed class ComparisonRunnerTests
{
    [TestMethod]
    public void Run_CandidateWhoseWeightsCannotBeDownloaded_IsSkippedWithTheReason_OthersRun()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 600);
        var test = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 200);
        var unreachable = new Candidate("NeedsDownload", CandidateInput.Prepared,
            _ => throw new InvalidOperationException("Error downloading resource from 'https://example.invalid/weights.tsm': timed out\nretrying...",
                new HttpRequestException("no route to host")),
            SkipReason: OptionalCandidates.WeightsUnavailable);
        var broken = new Candidate("Broken", CandidateInput.Prepared, _ => throw new InvalidOperationException("boom"), SkipReason: OptionalCandidates.WeightsUnavailable);
        var runner = new ComparisonRunner(mlContext, ComparisonTask.Multiclass, MnistPipeline.Preparation(mlContext));

        var results = runner.Run(train, test, [unreachable, broken, BaselineCandidates.Multiclass[1]]);

        Assert.AreEqual(TrainerStatus.Skipped, results[0].Status);
        Assert.AreEqual("skipped: its pretrained weights could not be downloaded (Error downloading resource from 'https://example.invalid/weights.tsm')", results[0].StatusText);
        Assert.AreEqual(TrainerStatus.Failed, results[1].Status);
        Assert.AreEqual("boom", results[1].StatusReason);
        Assert.AreEqual(TrainerStatus.Completed, results[2].Status);
        Assert.IsTrue(results[2].MicroAccuracy is > 0.6 and <= 1, $"L-BFGS accuracy {results[2].MicroAccuracy}");
        Assert.IsGreaterThan(0, results[2].ModelBytes!.Value);
        Assert.HasCount(10, results[2].ConfusionMatrix!.ClassNames);
    }

    [TestMethod]
    public void Run_RawCandidateOnStreamingReviews_TrainsOnShufflableData()
    {
        // The IMDb readers stream one class after the other and cannot shuffle. Handed that order, SDCA on
        // FeaturizeText scored 0.51 on the full data set; the runner must give raw candidates shufflable data.
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Train, 300));
        var test = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Test, 100));
        Assert.IsFalse(train.CanShuffle);
        var textBaseline = BaselineCandidates.Binary(ImdbPipeline.TextColumnName)[^1];
        bool? trainedOnShufflable = null;
        var recorded = textBaseline with
        {
            CreateEstimator = setup => new FitRecorder(textBaseline.CreateEstimator(setup), data => trainedOnShufflable = data.CanShuffle),
        };
        var runner = new ComparisonRunner(mlContext, ComparisonTask.Binary, ImdbPipeline.Preparation(mlContext, numWords: 2000));

        var result = runner.Run(train, test, [recorded]).Single();

        Assert.AreEqual(TrainerStatus.Completed, result.Status, result.StatusText);
        Assert.IsTrue(trainedOnShufflable);
        Assert.IsGreaterThan(0.7, result.MicroAccuracy!.Value, $"accuracy {result.MicroAccuracy}");
    }

    /// <summary>Passes Fit through to an estimator after showing the training data to <c>inspect</c>.</summary>
    private sealed class FitRecorder(IEstimator<ITransformer> inner, Action<IDataView> inspect) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            inspect(input);
            return inner.Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
    }

    [TestMethod]
    public void ImdbPlan_WithTorchSharpTextClassification_AddsItLast_EvaluatedAsTwoClassMulticlass()
    {
        var plan = ImdbComparison.CreatePlan(new MLContext(seed: 1), withTorchSharpTextClassification: true);

        var last = plan.Candidates[^1];
        Assert.AreEqual("TorchSharp TextClassification", last.Name);
        Assert.AreEqual(CandidateInput.Raw, last.Input);
        Assert.AreEqual(ComparisonTask.Multiclass, last.Evaluation);
        Assert.HasCount(6, ImdbComparison.CreatePlan(new MLContext(seed: 1)).Candidates);
    }
}
