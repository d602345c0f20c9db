using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Experiments.Regularization;
using MlNetMlp.Experiments.Studies;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments;

/// <summary>
/// The course's central experiment (Chollet, <i>Deep Learning with Python</i>, section 4.4): several networks on the
/// same IMDb features, trained the same way, read from their validation-loss curves. The reviews are prepared once
/// (<see cref="ImdbPipeline.Preparation"/>, fitted on the training reviews); every network of
/// <see cref="RegularizationModels"/> then trains with the same seed and shuffling, is validated after every epoch,
/// and is tested once at the end; the book's conclusions are checked on the curves.
/// </summary>
public sealed class RegularizationStudy : IStudy<RegularizationResult>
{
    private readonly RegularizationStudyOptions _options;

    /// <summary>The study with <paramref name="options"/>; every rule is checked here.</summary>
    /// <param name="options">The networks, epochs, validation and seed; the book's protocol when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RegularizationStudy(RegularizationStudyOptions? options = null)
    {
        _options = options ?? new RegularizationStudyOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Title => "IMDb: the regularization study (smaller, bigger, L2, dropout)";

    /// <summary>Runs the study on raw reviews (columns <c>Text</c> and <c>Label</c>, as the IMDb readers give them) and makes its report.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="data">The IMDb reviews, as the <c>imdb</c> data set loads them; the test reviews are the validation data too with <see cref="RegularizationValidation.Test"/>.</param>
    /// <param name="run">The command line and seed the report records, and where progress goes.</param>
    /// <returns>Every network's history and figures, the book's conclusions checked, and the report.</returns>
    /// <exception cref="ArgumentException">The data is not IMDb's reviews.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hold-out that leaves no training rows.</exception>
    public StudyOutcome<RegularizationResult> Run(MLContext mlContext, LoadedData data, StudyRunOptions? run = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Dataset.IsInputOf([ImdbPipeline.TextColumnName]) || data.Dataset.Task != ComparisonTask.Binary)
        {
            throw new ArgumentException($"Expected the IMDb reviews (the book's study is of them). Received: the data set '{data.Dataset.Name}'.", nameof(data));
        }

        return StudyRunner.Run(this, new StudyRun(mlContext, data, run?.Progress), run);
    }

    RegularizationResult IStudy<RegularizationResult>.Run(StudyRun run)
    {
        var (mlContext, options) = (run.MlContext, _options);
        var (train, test) = (run.Data.Train, run.Data.Test);
        run.Report("Preparing the reviews: WordIndex (10,000 words), then VectorizeSequences");
        var preparation = ImdbPipeline.Preparation(mlContext).Fit(train);
        var split = options.Validation == RegularizationValidation.Split;
        var (trainPart, validationPart) = split ? HoldOut(mlContext, train, options.ValidationRows, options.Seed) : (train, test);
        var preparedTrain = mlContext.Data.Cache(preparation.Transform(trainPart));
        var preparedTest = mlContext.Data.Cache(preparation.Transform(test));
        var preparedValidation = split ? mlContext.Data.Cache(preparation.Transform(validationPart)) : preparedTest;
        // Filled before the first network, so that its training time does not include preparing the reviews.
        var trainRows = CachedRows.Fill(preparedTrain);
        var testRows = CachedRows.Fill(preparedTest);
        var validationRows = split ? CachedRows.Fill(preparedValidation) : testRows;

        var results = new List<RegularizationModelResult>();
        UncertaintyFigures? uncertainty = null;
        foreach (var model in options.Models)
        {
            var (result, trained) = TrainAndTest(mlContext, model, preparedTrain, preparedValidation, preparedTest, options, run.Progress);
            results.Add(result);
            if (model == RegularizationModel.Dropout && options.Uncertainty)
            {
                uncertainty = MeasureUncertainty(mlContext, trained, result.TrainingSeconds, preparedTrain, preparedTest, options, run.Progress);
            }
        }

        return new RegularizationResult
        {
            Protocol = new RegularizationProtocol(
                options.Epochs, options.Validation, split ? (int)validationRows : null, options.Seed, RegularizationModels.BatchSize,
                $"RMSprop, learning rate {MlpOptions.Defaults.LearningRate.ToString(CultureInfo.InvariantCulture)}",
                $"WordIndex ({ImdbPipeline.DefaultNumWords:N0} most frequent training words), then VectorizeSequences ({ImdbPipeline.DefaultNumWords:N0}-wide multi-hot)"),
            Data = new DataDescription(run.Data.Description.Name, run.Data.Description.Source, trainRows, testRows, validationRows),
            Results = results,
            Conclusions = BookConclusions.Check(results),
            Uncertainty = uncertainty,
        };
    }

    StudyReport IStudy<RegularizationResult>.Describe(RegularizationResult result, StudyContext context) => RegularizationSections.Describe(result, context);

    private static (RegularizationModelResult Result, MlpTransformer Trained) TrainAndTest(
        MLContext mlContext, RegularizationModel model, IDataView train, IDataView validation, IDataView test, RegularizationStudyOptions options, Action<string>? progress)
    {
        var name = RegularizationModels.Describe(model);
        progress?.Invoke($"Training {name}");
        var mlpOptions = RegularizationModels.CreateMlpOptions(model, options.Epochs, options.Seed);
        mlpOptions.ValidationData = validation;
        mlpOptions.Progress = epoch => options.EpochCompleted?.Invoke(model, epoch);
        var clock = Stopwatch.StartNew();
        var trained = mlContext.Mlp(mlpOptions).Fit(train);
        var trainingSeconds = clock.Elapsed.TotalSeconds;

        progress?.Invoke($"Testing {name}");
        var metrics = mlContext.BinaryClassification.Evaluate(trained.Transform(test), ImdbPipeline.LabelColumnName);
        var history = trained.Model.History;
        var restored = mlpOptions.EarlyStopping is { RestoreBestWeights: true };
        return (new RegularizationModelResult
        {
            Model = model,
            Name = name,
            Parameters = trained.Model.ParameterCount,
            History = history,
            TrainingSeconds = trainingSeconds,
            TestAccuracy = metrics.Accuracy,
            KeptEpoch = restored ? history.MinBy(e => e.ValidationLoss ?? double.PositiveInfinity)!.Epoch : history[^1].Epoch,
        }, trained);
    }

    /// <summary>
    /// The dropout network's uncertainty on the test reviews: the network just trained, Monte Carlo dropout over it, and a
    /// deep ensemble of the same network trained here (without validation, which changes no weight).
    /// </summary>
    private static UncertaintyFigures MeasureUncertainty(
        MLContext mlContext, MlpTransformer dropout, double trainingSeconds, IDataView train, IDataView test, RegularizationStudyOptions options, Action<string>? progress)
    {
        var study = new UncertaintyMethodsOptions
        {
            Network = RegularizationModels.CreateMlpOptions(RegularizationModel.Dropout, options.Epochs, options.Seed),
            MonteCarloSamples = options.MonteCarloSamples,
            EnsembleMembers = options.EnsembleMembers,
            Progress = progress,
        };
        var methods = UncertaintyMethods.Run(mlContext, dropout, trainingSeconds, train, test, study);
        return UncertaintyFigures.Of(study.Network, dropout.Model, study, methods);
    }

    /// <summary>
    /// Exactly <paramref name="rows"/> training reviews, drawn at random with <paramref name="seed"/>, held out for
    /// validation; the rest train. The readers give the reviews grouped by class, so a plain prefix would not do.
    /// </summary>
    private static (IDataView Train, IDataView Validation) HoldOut(MLContext mlContext, IDataView train, int rows, int seed)
    {
        var reviews = mlContext.Data.CreateEnumerable<ReviewRow>(train, reuseRowObject: false).ToArray();
        if (rows >= reviews.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(RegularizationStudyOptions.ValidationRows),
                $"Expected fewer validation rows than the {reviews.Length:N0} training reviews, so that some are left to train on. Received: validationRows={rows}");
        }

        new Random(seed).Shuffle(reviews);
        return (mlContext.Data.LoadFromEnumerable(reviews[rows..]), mlContext.Data.LoadFromEnumerable(reviews[..rows]));
    }

    /// <summary>A raw review as the IMDb readers give it.</summary>
    private sealed class ReviewRow
    {
        public string Text { get; set; } = string.Empty;

        public bool Label { get; set; }
    }
}
