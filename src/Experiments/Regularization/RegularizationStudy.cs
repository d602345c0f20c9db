using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Experiments.Regularization;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments;

/// <summary>
/// The course's central experiment (Chollet, <i>Deep Learning with Python</i>, section 4.4): several networks on the
/// same IMDb features, trained the same way, read from their validation-loss curves. The reviews are prepared once
/// (<see cref="ImdbPipeline.Preparation"/>, fitted on the training reviews); every network of
/// <see cref="RegularizationModels"/> then trains with the same seed and shuffling, is validated after every epoch,
/// and is tested once at the end. Write the result with <see cref="ReportWriter.Write(RegularizationReport, string)"/>.
/// </summary>
public static class RegularizationStudy
{
    /// <summary>Runs the study on raw reviews (columns <c>Text</c> and <c>Label</c>, as the IMDb readers give them).</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="train">The training reviews.</param>
    /// <param name="test">The test reviews: the validation data too with <see cref="RegularizationValidation.Test"/>.</param>
    /// <param name="options">The networks, epochs, validation and seed.</param>
    /// <param name="dataSource">Where the reviews came from, as the report states it.</param>
    /// <returns>The report: every network's history and figures, and the book's conclusions checked.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, e.g. a hold-out that leaves no training rows.</exception>
    public static RegularizationReport Run(MLContext mlContext, IDataView train, IDataView test, RegularizationStudyOptions options, string dataSource = "IMDb reviews")
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        options.Progress?.Invoke("Preparing the reviews: WordIndex (10,000 words), then VectorizeSequences");
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
            var (result, trained) = TrainAndTest(mlContext, model, preparedTrain, preparedValidation, preparedTest, options);
            results.Add(result);
            if (model == RegularizationModel.Dropout && options.Uncertainty)
            {
                uncertainty = MeasureUncertainty(mlContext, trained, result.TrainingSeconds, preparedTrain, preparedTest, options);
            }
        }

        return new RegularizationReport
        {
            Title = "IMDb: the regularization study (smaller, bigger, L2, dropout)",
            Protocol = new RegularizationProtocol(
                options.Epochs, options.Validation, split ? (int)validationRows : null, options.Seed, RegularizationModels.BatchSize,
                $"RMSprop, learning rate {MlpOptions.Defaults.LearningRate.ToString(CultureInfo.InvariantCulture)}",
                $"WordIndex ({ImdbPipeline.DefaultNumWords:N0} most frequent training words), then VectorizeSequences ({ImdbPipeline.DefaultNumWords:N0}-wide multi-hot)"),
            Data = new DataDescription("IMDb", dataSource, trainRows, testRows, validationRows),
            Machine = MachineDescription.Current(),
            Versions = ComponentVersions.Loaded(),
            Results = results,
            Conclusions = BookConclusions.Check(results),
            Uncertainty = uncertainty,
            StudySeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static (RegularizationModelResult Result, MlpTransformer Trained) TrainAndTest(
        MLContext mlContext, RegularizationModel model, IDataView train, IDataView validation, IDataView test, RegularizationStudyOptions options)
    {
        var name = RegularizationModels.Describe(model);
        options.Progress?.Invoke($"Training {name}");
        var mlpOptions = RegularizationModels.CreateMlpOptions(model, options.Epochs, options.Seed);
        mlpOptions.ValidationData = validation;
        mlpOptions.Progress = epoch => options.EpochCompleted?.Invoke(model, epoch);
        var clock = Stopwatch.StartNew();
        var trained = mlContext.Mlp(mlpOptions).Fit(train);
        var trainingSeconds = clock.Elapsed.TotalSeconds;

        options.Progress?.Invoke($"Testing {name}");
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
        MLContext mlContext, MlpTransformer dropout, double trainingSeconds, IDataView train, IDataView test, RegularizationStudyOptions options)
    {
        var study = new UncertaintyStudyOptions
        {
            Network = RegularizationModels.CreateMlpOptions(RegularizationModel.Dropout, options.Epochs, options.Seed),
            MonteCarloSamples = options.MonteCarloSamples,
            EnsembleMembers = options.EnsembleMembers,
            Progress = options.Progress,
        };
        var methods = UncertaintyStudy.Run(mlContext, dropout, trainingSeconds, train, test, study);
        return UncertaintyExperiment.Figures(study.Network, dropout.Model.InputSize, "Dense(1, Sigmoid)", study, methods);
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
