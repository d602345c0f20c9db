using MlNetMlp.Scoring.Tasks;

namespace MlNetMlp.Trainers.Torch;

/// <summary>Keras's EarlyStopping bookkeeping: the best value so far, epochs since, and whether to stop.</summary>
internal sealed class EarlyStoppingTracker(MlpEarlyStopping options, TrainingMetric metric)
{
    private readonly bool _higherIsBetter = options.Monitor is MlpMonitor.ValidationMetric or MlpMonitor.TrainingMetric && Metrics.HigherIsBetter(metric);
    private double? _best;
    private int _epochsWithoutImprovement;

    /// <summary>Records an epoch; true when it is the best so far (by more than the minimum delta).</summary>
    public bool Improved(MlpEpoch epoch)
    {
        var value = options.Monitor switch
        {
            MlpMonitor.ValidationLoss => epoch.ValidationLoss ?? double.NaN,
            MlpMonitor.ValidationMetric => epoch.ValidationMetric ?? double.NaN,
            MlpMonitor.TrainingLoss => epoch.TrainingLoss,
            _ => epoch.TrainingMetric,
        };
        var improved = _best is not { } best || (_higherIsBetter ? value - options.MinDelta > best : value + options.MinDelta < best);
        if (improved)
        {
            _best = value;
            _epochsWithoutImprovement = 0;
        }
        else
        {
            _epochsWithoutImprovement++;
        }

        return improved;
    }

    /// <summary>True once <see cref="MlpEarlyStopping.Patience"/> epochs in a row brought no improvement.</summary>
    public bool ShouldStop => _epochsWithoutImprovement > 0 && _epochsWithoutImprovement >= options.Patience;
}
