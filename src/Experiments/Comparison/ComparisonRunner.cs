using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Experiments;

/// <summary>
/// Runs the same prepared data through several trainers and measures each the same way: training
/// time (<c>Fit</c> alone), test metrics through ML.NET's own evaluators, prediction throughput of the whole chain from
/// raw data, and the size of the saved model. The preparation is fitted once on the training rows and its output cached
/// in memory, in one seeded random order, so every candidate trains on identical numbers in the same order. Candidates
/// never see the test rows: each is scored on them once, after training.
/// </summary>
public sealed class ComparisonRunner
{
    private readonly MLContext _mlContext;
    private readonly ComparisonTask _task;
    private readonly IEstimator<ITransformer> _preparation;
    private readonly string _labelColumnName;

    /// <summary>Creates a runner.</summary>
    /// <param name="mlContext">The context; its seed makes the runs repeatable.</param>
    /// <param name="task">Multiclass or binary, which decides the evaluator.</param>
    /// <param name="preparation">Turns raw data into the Features and Label columns the prepared candidates use.</param>
    /// <param name="labelColumnName">The label column after preparation (a key for multiclass, bool for binary).</param>
    public ComparisonRunner(MLContext mlContext, ComparisonTask task, IEstimator<ITransformer> preparation, string labelColumnName = "Label")
    {
        _mlContext = mlContext ?? throw new ArgumentNullException(nameof(mlContext));
        _task = task;
        _preparation = preparation ?? throw new ArgumentNullException(nameof(preparation));
        _labelColumnName = labelColumnName;
    }

    /// <summary>Fits the preparation on <paramref name="train"/>, then fits and measures each candidate; a candidate that throws is reported as failed and the others go on.</summary>
    /// <param name="train">Raw training data.</param>
    /// <param name="test">Raw test data.</param>
    /// <param name="candidates">The trainers to compare.</param>
    /// <param name="progress">Receives a line when each candidate starts and ends.</param>
    /// <returns>One result per candidate, in order.</returns>
    public IReadOnlyList<TrainerResult> Run(IDataView train, IDataView test, IEnumerable<Candidate> candidates, IProgress<string>? progress = null) =>
        Run(train, test, _ => candidates, progress);

    /// <summary>
    /// As <see cref="Run(IDataView, IDataView, IEnumerable{Candidate}, IProgress{string})"/>, with the candidates chosen once
    /// the preparation is fitted, from the prepared training data's schema (e.g. to name an MLP by its input width).
    /// </summary>
    /// <param name="train">Raw training data.</param>
    /// <param name="test">Raw test data.</param>
    /// <param name="candidatesFor">The trainers to compare, given the prepared schema.</param>
    /// <param name="progress">Receives a line when each candidate starts and ends.</param>
    /// <returns>One result per candidate, in order.</returns>
    public IReadOnlyList<TrainerResult> Run(IDataView train, IDataView test, Func<DataViewSchema, IEnumerable<Candidate>> candidatesFor, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(candidatesFor);
        var preparation = _preparation.Fit(train);
        // Readers stream in file order (IMDb: every negative review, then every positive one). One seeded shuffle of the
        // whole training part, kept by the second cache, gives every candidate the same random order, and makes the rows an
        // MLP holds out for validation (the last ones, as Keras's validation_split takes them) a random sample.
        var preparedTrain = _mlContext.Data.Cache(
            _mlContext.Data.ShuffleRows(_mlContext.Data.Cache(preparation.Transform(train)), shufflePoolSize: 1, shuffleSource: true));
        var preparedTest = _mlContext.Data.Cache(preparation.Transform(test));
        // A cache lets the raw candidates' trainers (SDCA, the averaged perceptron) draw rows in random order themselves.
        // It fills only if a raw candidate reads it.
        var rawTrain = _mlContext.Data.Cache(train);
        // Only Fit is timed, so the caches are filled first: otherwise the first candidate of each kind would pay for
        // reading the files and preparing every row.
        var candidateList = candidatesFor(preparedTrain.Schema).ToList();
        Fill(preparedTrain);
        if (candidateList.Any(c => c.Input == CandidateInput.Raw))
        {
            Fill(rawTrain);
        }

        var classNames = ClassNames(preparedTest.Schema);
        var results = new List<TrainerResult>();
        foreach (var candidate in candidateList)
        {
            progress?.Report($"{candidate.Name}: training");
            TrainerResult result;
            try
            {
                result = Measure(candidate, candidate.Input == CandidateInput.Prepared ? preparedTrain : rawTrain, test,
                    candidate.Input == CandidateInput.Prepared ? preparedTest : test, preparation, train.Schema, classNames);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = candidate.SkipReason?.Invoke(e) is { } reason
                    ? TrainerResult.Skipped(candidate.Name, _task, reason)
                    : new TrainerResult { Trainer = candidate.Name, Task = _task, Status = TrainerStatus.Failed, StatusReason = e.GetBaseException().Message };
            }

            result = result with { Settings = candidate.Settings, IsMlp = candidate.IsMlp };
            progress?.Report($"{candidate.Name}: {result.StatusText}");
            results.Add(result);
        }

        return results;
    }

    private TrainerResult Measure(Candidate candidate, IDataView trainData, IDataView rawTest, IDataView testData,
        ITransformer preparation, DataViewSchema rawSchema, IReadOnlyList<string>? classNames)
    {
        var estimator = candidate.CreateEstimator(new CandidateSetup(_mlContext));
        var clock = Stopwatch.StartNew();
        var model = estimator.Fit(trainData);
        var trainingSeconds = clock.Elapsed.TotalSeconds;

        var predictions = model.Transform(testData);
        var label = candidate.LabelColumnName ?? _labelColumnName;
        var result = (candidate.Evaluation ?? _task) == ComparisonTask.Multiclass
            ? TrainerResult.FromMetrics(candidate.Name, _mlContext.MulticlassClassification.Evaluate(predictions, label), classNames) with { Task = _task }
            : predictions.Schema.GetColumnOrNull("Probability") is not null
                ? TrainerResult.FromMetrics(candidate.Name, _mlContext.BinaryClassification.Evaluate(predictions, label))
                : TrainerResult.FromMetrics(candidate.Name, _mlContext.BinaryClassification.EvaluateNonCalibrated(predictions, label));

        var chain = candidate.Input == CandidateInput.Prepared
            ? new TransformerChain<ITransformer>(preparation, model)
            : new TransformerChain<ITransformer>(model);
        return result with
        {
            TrainingSeconds = trainingSeconds,
            PredictionRowsPerSecond = PredictionThroughput(chain, rawTest),
            ModelBytes = SavedSize(chain, rawSchema),
            LearningCurve = candidate.LearningCurve?.Invoke(model) ?? [],
        };
    }

    /// <summary>The label's key names (e.g. "0" to "9"), so the confusion matrix can be labelled; null when the label has none.</summary>
    private IReadOnlyList<string>? ClassNames(DataViewSchema preparedSchema) =>
        _task == ComparisonTask.Multiclass && preparedSchema.GetColumnOrNull(_labelColumnName) is { } label
            ? ClassNameAnnotations.Read(label, ClassNameAnnotations.KeyValues)
            : null;

    private static double PredictionThroughput(ITransformer chain, IDataView rawTest)
    {
        var predictions = chain.Transform(rawTest);
        var predicted = predictions.Schema["PredictedLabel"];
        var clock = Stopwatch.StartNew();
        var rows = predicted.Type is BooleanDataViewType ? CountRows<bool>(predictions, predicted) : CountRows<uint>(predictions, predicted);
        return rows / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
    }

    /// <summary>Reads every row of every column once, which fills a cache.</summary>
    private static void Fill(IDataView cached)
    {
        using var cursor = cached.GetRowCursor(cached.Schema);
        while (cursor.MoveNext())
        {
        }
    }

    /// <summary>Reads every prediction, which is what makes a lazy chain compute them.</summary>
    private static long CountRows<T>(IDataView predictions, DataViewSchema.Column predicted)
    {
        using var cursor = predictions.GetRowCursor([predicted]);
        var getter = cursor.GetGetter<T>(predicted);
        T value = default!;
        long rows = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            rows++;
        }

        return rows;
    }

    private long SavedSize(ITransformer chain, DataViewSchema rawSchema)
    {
        using var stream = new MemoryStream();
        _mlContext.Model.Save(chain, rawSchema, stream);
        return stream.Length;
    }
}
