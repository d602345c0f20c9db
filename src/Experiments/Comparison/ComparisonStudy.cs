using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Experiments.Comparison;
using MlNetMlp.Experiments.Studies;

namespace MlNetMlp.Experiments;

/// <summary>
/// The main job: the course's MLP and its regularized form beside the ML.NET trainers a data set names
/// (<see cref="Dataset.Baselines"/>), all on the same prepared training rows in one seeded order, each measured the same
/// way (<see cref="ComparisonRunner"/>): test metrics, the time of <c>Fit</c> alone, prediction throughput and the saved
/// model's size. The report says whether either MLP beats the best ML.NET trainer.
/// </summary>
public sealed class ComparisonStudy : IStudy<ComparisonResult>
{
    private readonly Dataset _dataset;
    private readonly ComparisonOptions _options;

    /// <summary>A comparison on <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The data set: its preparation, its network and its baselines.</param>
    /// <param name="options">How the MLPs are shaped and which baselines run; the defaults when null.</param>
    public ComparisonStudy(Dataset dataset, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        _options = options ?? new ComparisonOptions();
    }

    /// <inheritdoc />
    public string Title => $"{_dataset.DisplayName}: MLP vs ML.NET trainers";

    /// <summary>The network each MLP run starts from: the options' or the data set's course network with the default validation split.</summary>
    /// <returns>Fresh options.</returns>
    public MlpOptions CreateNetwork()
    {
        if (_options.Network is { } network)
        {
            return network();
        }

        var options = _dataset.CreateNetwork();
        options.ValidationFraction = MlpCandidate.DefaultValidationFraction;
        return options;
    }

    /// <summary>Runs the comparison on <paramref name="data"/> and makes its report.</summary>
    /// <param name="mlContext">The context; its seed makes the run repeatable.</param>
    /// <param name="data">The data set's training and test parts, as <see cref="Dataset.Load"/> gives them.</param>
    /// <param name="run">The command line and seed the report records, and where progress goes.</param>
    /// <returns>The results and the report, ready to write.</returns>
    public StudyOutcome<ComparisonResult> Run(MLContext mlContext, LoadedData data, StudyRunOptions? run = null) =>
        StudyRunner.Run(this, new StudyRun(mlContext, data, run?.Progress), run);

    ComparisonResult IStudy<ComparisonResult>.Run(StudyRun run)
    {
        var runner = new ComparisonRunner(run.MlContext, _dataset.Task, _dataset.Preparation(run.MlContext), _dataset.LabelColumnName);
        var progress = run.Progress is { } report ? new Progress(report) : null;
        var results = runner.Run(run.Data.Train, run.Data.Test, Candidates, progress);
        var fraction = CreateNetwork().ValidationFraction;
        var description = run.Data.Description;
        return new ComparisonResult
        {
            Task = _dataset.Task,
            Data = description with { ValidationRows = fraction > 0 ? (long)(description.TrainRows * (double)fraction) : null },
            Results = results,
        };
    }

    StudyReport IStudy<ComparisonResult>.Describe(ComparisonResult result, StudyContext context) => ComparisonSections.Describe(result, context);

    /// <summary>The two MLPs, named by <paramref name="inputs"/> and <paramref name="outputs"/> (e.g. "Mlp 784-512-10"), then the data set's baselines.</summary>
    internal IReadOnlyList<Candidate> CandidatesFor(int inputs, int outputs) =>
    [
        .. MlpCandidate.NetworkAndRegularized(inputs, outputs, CreateNetwork, _options.EpochCompleted),
        .. _dataset.Baselines,
        .. _options.WithOptionalBaselines ? _dataset.OptionalBaselines : [],
    ];

    /// <summary>The candidates for the prepared data: the features' width and the label's name the MLPs.</summary>
    private IReadOnlyList<Candidate> Candidates(DataViewSchema prepared) => CandidatesFor(
        ((VectorDataViewType)prepared[_dataset.FeatureColumnName].Type).Size,
        prepared[_dataset.LabelColumnName].Type is KeyDataViewType key ? (int)key.Count : 1);

    /// <summary>Progress lines as they happen, on the calling thread (<see cref="Progress{T}"/> would post them elsewhere).</summary>
    private sealed class Progress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
