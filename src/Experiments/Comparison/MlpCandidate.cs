using MlNetMlp.Experiments.Reports;
using MlNetMlp.Trainers;

namespace MlNetMlp.Experiments.Comparison;

/// <summary>The MLP as a comparison candidate, with its per-epoch history as the report's learning curve.</summary>
public static class MlpCandidate
{
    /// <summary>
    /// A candidate that trains the MLP on the prepared data and reports its loss and accuracy on the
    /// comparison's monitoring data after each epoch (no early stopping, so the test metrics stay unbiased).
    /// </summary>
    /// <param name="name">How the report names it.</param>
    /// <param name="createOptions">Fresh MLP options for each run.</param>
    /// <param name="progress">Receives each epoch's figures as training goes.</param>
    /// <returns>The candidate.</returns>
    public static Candidate Create(string name, Func<MlpOptions> createOptions, Action<MlpEpoch>? progress = null) => new(
        name,
        CandidateInput.Prepared,
        setup =>
        {
            var options = createOptions();
            options.ValidationData = setup.MonitoringData;
            options.Progress = progress ?? options.Progress;
            return setup.MlContext.Mlp(options);
        },
        model => ((MlpTransformer)model).Model.History
            .Select(epoch => new EpochMetrics(epoch.Epoch, epoch.TrainingLoss, epoch.ValidationLoss, epoch.TrainingMetric, epoch.ValidationMetric))
            .ToList());
}
