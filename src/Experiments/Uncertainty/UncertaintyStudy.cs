using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Experiments.Studies;
using MlNetMlp.Experiments.Uncertainty;

namespace MlNetMlp.Experiments;

/// <summary>
/// How good the MLP's uncertainty is on a data set's test part, as one study: the data prepared by the data set's recipe,
/// its uncertainty network (<see cref="Dataset.CreateUncertaintyNetwork"/>) trained, and the plain MLP, Monte Carlo
/// dropout over it and a deep ensemble measured by <see cref="UncertaintyMethods"/>.
/// </summary>
public sealed class UncertaintyStudy : IStudy<UncertaintyResult>
{
    private readonly Dataset _dataset;
    private readonly UncertaintyStudyOptions _options;

    /// <summary>The study on <paramref name="dataset"/>; every rule of <paramref name="options"/> is checked here.</summary>
    /// <param name="dataset">The data set: its preparation and its uncertainty network.</param>
    /// <param name="options">Epochs, sampling, seed; the defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public UncertaintyStudy(Dataset dataset, UncertaintyStudyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        _options = options ?? new UncertaintyStudyOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public string Title => $"{_dataset.DisplayName}: how good is the MLP's uncertainty (plain, Monte Carlo dropout, deep ensemble)";

    /// <summary>Runs the study on raw data as the data set loads it, and makes its report.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="data">The data set's training and test parts; the test part is touched only to measure.</param>
    /// <param name="run">The command line and seed the report records, and where progress goes.</param>
    /// <returns>The three methods' figures, the network, and the report.</returns>
    public StudyOutcome<UncertaintyResult> Run(MLContext mlContext, LoadedData data, StudyRunOptions? run = null) =>
        StudyRunner.Run(this, new StudyRun(mlContext, data, run?.Progress), run);

    UncertaintyResult IStudy<UncertaintyResult>.Run(StudyRun run)
    {
        var network = _dataset.CreateUncertaintyNetwork(_options.Epochs, _options.Seed);
        var methodsOptions = new UncertaintyMethodsOptions
        {
            Network = network,
            MonteCarloSamples = _options.MonteCarloSamples,
            EnsembleMembers = _options.EnsembleMembers,
            Progress = run.Progress,
        };
        run.Report("Preparing the data");
        var mlContext = run.MlContext;
        var preparation = _dataset.Preparation(mlContext).Fit(run.Data.Train);
        var preparedTrain = mlContext.Data.Cache(preparation.Transform(run.Data.Train));
        var preparedTest = mlContext.Data.Cache(preparation.Transform(run.Data.Test));
        // Filled before training, so that the first network's training time does not include preparing the data.
        var trainRows = CachedRows.Fill(preparedTrain);
        CachedRows.Fill(preparedTest);
        run.Report("Training the MLP");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var plain = mlContext.Mlp(network).Fit(preparedTrain);
        var methods = UncertaintyMethods.Run(mlContext, plain, clock.Elapsed.TotalSeconds, preparedTrain, preparedTest, methodsOptions);
        return new UncertaintyResult
        {
            Figures = UncertaintyFigures.Of(network, plain.Model, methodsOptions, methods),
            Data = run.Data.Description with { Name = _dataset.DisplayName, TrainRows = trainRows, TestRows = methods[0].Metrics.Rows },
        };
    }

    StudyReport IStudy<UncertaintyResult>.Describe(UncertaintyResult result, StudyContext context) => UncertaintySections.Describe(result, context);
}
