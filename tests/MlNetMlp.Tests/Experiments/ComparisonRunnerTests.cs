using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Experiments;
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
        var textBaseline = BaselineCandidates.Binary(ImdbPipeline.TextColumnName).Single(c => c.Name == "FeaturizeText+SdcaLogisticRegression");
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

    [TestMethod]
    public void Run_PreparedCandidates_FitOnceOnTheTrainingRowsOnly_InOneSeededRandomOrder()
    {
        // The reader gives 200 negative reviews, then 200 positive ones. An MLP validates on the last rows it is given
        // (Keras's validation_split), so those must be a random sample of the training rows, and never test rows.
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Train, 200).OrderBy(r => r.Label));
        var test = mlContext.Data.LoadFromEnumerable(SharedDatasets.ImdbFirstPerLabel(mlContext, DataSplit.Test, 50));
        var seen = new List<bool[]>();
        var logistic = BaselineCandidates.Binary(ImdbPipeline.TextColumnName).Single(c => c.Name == "LbfgsLogisticRegression");
        var recorded = logistic with
        {
            CreateEstimator = setup => new FitRecorder(logistic.CreateEstimator(setup), data => seen.Add([.. data.GetColumn<bool>(ImdbPipeline.LabelColumnName)])),
        };
        var runner = new ComparisonRunner(mlContext, ComparisonTask.Binary, ImdbPipeline.Preparation(mlContext, numWords: 1000));

        var results = runner.Run(train, test, [recorded, recorded]);

        Assert.IsTrue(results.All(r => r.Status == TrainerStatus.Completed), string.Join("; ", results.Select(r => r.StatusText)));
        Assert.HasCount(2, seen, "one Fit per candidate");
        Assert.HasCount(400, seen[0], "the training rows, and only they");
        CollectionAssert.AreEqual(seen[0], seen[1], "every candidate sees the same order");
        var lastTenth = seen[0][^40..];
        Assert.IsTrue(lastTenth.Count(positive => positive) is > 8 and < 32, $"the last 40 rows hold {lastTenth.Count(p => p)} positive reviews; a random sample of a 50/50 set");
    }

    [TestMethod]
    public void MnistPlan_Mlps_AreTheCourseNetworkAndItsRegularizedForm_ValidatingOnTheirTrainingRows()
    {
        var study = new ComparisonStudy(Mnist);

        CollectionAssert.AreEqual(
            new[] { "Mlp 784-512-10", "Mlp 784-512-10 regularized", "SdcaMaximumEntropy", "LbfgsMaximumEntropy", "OneVersusAll(FastTree)", "LightGbm" },
            study.CandidatesFor(784, 10).Select(c => c.Name).ToArray());
        Assert.AreEqual(0.1f, study.CreateNetwork().ValidationFraction);
        Assert.IsNull(study.CreateNetwork().EarlyStopping);
    }

    [TestMethod]
    public void Run_MnistMlps_OnTheEmbeddedSample_CurvesFromTheValidationSplit_RegularizedStopsOnIt()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 1_000);
        var test = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 300);
        MlpOptions Network()
        {
            var options = new ComparisonStudy(Mnist).CreateNetwork();
            options.HiddenLayers = [64];
            options.Epochs = 2;
            return options;
        }

        var epochs = new List<string>();
        var mlps = new ComparisonStudy(Mnist, new ComparisonOptions { Network = Network, EpochCompleted = (name, epoch) => epochs.Add($"{name} {epoch.Epoch}") })
            .CandidatesFor(784, 10).Take(2).ToList();
        var runner = new ComparisonRunner(mlContext, ComparisonTask.Multiclass, MnistPipeline.Preparation(mlContext));

        var results = runner.Run(train, test, mlps);

        Assert.IsTrue(results.All(r => r.Status == TrainerStatus.Completed), string.Join("; ", results.Select(r => r.StatusText)));
        Assert.AreEqual("Mlp 784-64-10", results[0].Trainer);
        Assert.HasCount(2, results[0].LearningCurve);
        Assert.IsTrue(results.All(r => r.LearningCurve.All(e => e.ValidationLoss is > 0 && e.ValidationAccuracy is > 0.3)), "validation figures every epoch");
        Assert.IsTrue(results[1].LearningCurve.Count is > 2 and <= RegularizedMlp.MaxEpochs, $"{results[1].LearningCurve.Count} epochs");
        Assert.AreEqual(results[0].LearningCurve.Count + results[1].LearningCurve.Count, epochs.Count);
        StringAssert.StartsWith(epochs[^1], "Mlp 784-64-10 regularized ");
        Assert.IsTrue(results.All(r => r.MicroAccuracy is > 0.7 and <= 1), string.Join(", ", results.Select(r => $"{r.Trainer} {r.MicroAccuracy}")));
    }

    [TestMethod]
    public void Run_FirstCandidate_FindsEveryTrainingRowPreparedBeforeItsFitIsTimed()
    {
        // Only Fit is timed. Were the prepared rows cached lazily, the first candidate's Fit would also pay for reading
        // and preparing every row, and the others would not.
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 300);
        var test = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 100);
        var prepared = 0;
        var preparation = MnistPipeline.Preparation(mlContext)
            .Append(mlContext.Transforms.CustomMapping<PreparedRow, CountedRow>((_, counted) => { prepared++; counted.Counted = 1; }, contractName: "CountPreparedRows"));
        var preparedBeforeFit = new List<int>();
        var sdca = BaselineCandidates.Multiclass[0];
        var recorded = sdca with { CreateEstimator = setup => new FitRecorder(sdca.CreateEstimator(setup), _ => preparedBeforeFit.Add(prepared)) };
        var runner = new ComparisonRunner(mlContext, ComparisonTask.Multiclass, preparation);

        var result = runner.Run(train, test, [recorded]).Single();

        Assert.AreEqual(TrainerStatus.Completed, result.Status, result.StatusText);
        Assert.AreEqual(300, preparedBeforeFit.Single(), "every training row prepared and cached before Fit starts");
    }

    [TestMethod]
    public void Run_Results_CarryEachCandidatesSettings_AndMarkTheMlps()
    {
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 400);
        var test = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 100);
        MlpOptions Network()
        {
            var options = new ComparisonStudy(Mnist).CreateNetwork();
            options.HiddenLayers = [32];
            options.Epochs = 1;
            options.Seed = 7;
            return options;
        }

        var runner = new ComparisonRunner(mlContext, ComparisonTask.Multiclass, MnistPipeline.Preparation(mlContext));

        var results = runner.Run(train, test, [new ComparisonStudy(Mnist, new ComparisonOptions { Network = Network }).CandidatesFor(784, 10)[0], BaselineCandidates.Multiclass[1]]);

        Assert.IsTrue(results[0].IsMlp);
        Assert.IsFalse(results[1].IsMlp);
        Assert.AreEqual(
            "Dense(32, Relu) then the output layer; RmsProp, learning rate 0.001, batch 128, 1 epochs; validation on the last 10% of the training rows; no early stopping; seed 7",
            results[0].Settings);
        Assert.AreEqual("ML.NET defaults: L1 1, L2 1, history 20, tolerance 1E-07, iterations until converged", results[1].Settings);
    }

    [TestMethod]
    public void Baselines_Settings_AreReadFromTheOptionsTheyAreBuiltWith()
    {
        var settings = BaselineCandidates.Multiclass.Concat(BaselineCandidates.Binary("Text")).ToDictionary(c => c.Name, c => c.Settings);

        Assert.AreEqual("ML.NET defaults: L2 chosen from the data, L1 chosen from the data, passes chosen from the data, convergence tolerance 0.1", settings["SdcaMaximumEntropy"]);
        Assert.AreEqual("ML.NET defaults: 100 trees of 20 leaves, at least 10 rows a leaf, learning rate 0.2, 255 bins a feature", settings["FastTree"]);
        StringAssert.StartsWith(settings["OneVersusAll(FastTree)"], "ML.NET defaults: one binary FastTree per class, 100 trees of 20 leaves");
        StringAssert.StartsWith(settings["LightGbm"], "ML.NET defaults: 100 boosting rounds, leaves chosen from the data");
        Assert.AreEqual("ML.NET defaults: 10 passes, learning rate 1, L2 0, HingeLoss", settings["AveragedPerceptron"]);
        StringAssert.StartsWith(settings["FeaturizeText+AveragedPerceptron"], "FeaturizeText defaults (word 1-2-grams and character 3-grams, L2-normalized) on the raw text; trainer at ML.NET defaults: 10 passes");
    }

    [TestMethod]
    public void Regularized_Settings_NameDropoutTheEpochBudgetAndTheStoppingRule()
    {
        var regularized = RegularizedMlp.Apply(new ComparisonStudy(Imdb).CreateNetwork());
        regularized.Seed = 1;

        Assert.AreEqual(
            "Dense(16, Relu), Dropout(0.5), Dense(16, Relu), Dropout(0.5) then the output layer; RmsProp, learning rate 0.001, batch 512, at most 20 epochs; "
            + "validation on the last 10% of the training rows; early stopping on ValidationLoss after 3 epochs without improvement, best epoch's weights restored; seed 1",
            MlpCandidate.Describe(regularized));
    }

    private static Dataset Mnist => DatasetRegistry.Find("mnist")!;

    private static Dataset Imdb => DatasetRegistry.Find("imdb")!;

    private sealed class PreparedRow
    {
        [VectorType(784)]
        public float[] Features { get; set; } = [];
    }

    private sealed class CountedRow
    {
        public float Counted { get; set; }
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
        var candidates = new ComparisonStudy(Imdb, new ComparisonOptions { WithOptionalBaselines = true }).CandidatesFor(10_000, 1);

        var last = candidates[^1];
        Assert.AreEqual("TorchSharp TextClassification", last.Name);
        Assert.AreEqual(CandidateInput.Raw, last.Input);
        Assert.AreEqual(ComparisonTask.Multiclass, last.Evaluation);
        Assert.HasCount(8, new ComparisonStudy(Imdb).CandidatesFor(10_000, 1));
    }
}
