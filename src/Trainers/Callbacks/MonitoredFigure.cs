using MlNetMlp.Callbacks;

namespace MlNetMlp.Trainers.Callbacks;

/// <summary>
/// The epoch figure a callback watches, by name (<c>val_loss</c>, <c>val_accuracy</c>, <c>loss</c>, <c>mae</c>...), and
/// which way it improves. <see cref="MetricPlaceholder"/> in the name stands for the task's metric, known once an epoch
/// has run (the options' <see cref="MlpMonitor"/> values name it so).
/// </summary>
internal sealed class MonitoredFigure
{
    /// <summary>Stands for the task's metric name ("accuracy" or "mae").</summary>
    public const string MetricPlaceholder = "{metric}";

    private readonly MlpMonitorMode _mode;

    public MonitoredFigure(string name, MlpMonitorMode mode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), $"Expected one of {string.Join(", ", Enum.GetNames<MlpMonitorMode>())}. Received: mode={(int)mode}");
        }

        Name = name;
        _mode = mode;
    }

    /// <summary>The name, possibly with <see cref="MetricPlaceholder"/>.</summary>
    public string Name { get; }

    /// <summary>Whether the figure is computed on the validation data (so needs some).</summary>
    public bool IsValidation => Name.StartsWith(MlpEpoch.ValidationPrefix, StringComparison.Ordinal);

    /// <summary>The figure for one of the options' <see cref="MlpMonitor"/> values.</summary>
    public static MonitoredFigure Of(MlpMonitor monitor) => new(monitor switch
    {
        MlpMonitor.ValidationLoss => MlpEpoch.ValidationPrefix + MlpEpoch.LossName,
        MlpMonitor.ValidationMetric => MlpEpoch.ValidationPrefix + MetricPlaceholder,
        MlpMonitor.TrainingLoss => MlpEpoch.LossName,
        _ => MetricPlaceholder,
    }, MlpMonitorMode.Auto);

    /// <summary>The figure's value in <paramref name="epoch"/>; an error naming the figures there are when it has none.</summary>
    public double Read(MlpEpoch epoch, string callback)
    {
        var name = Resolved(epoch);
        var figures = epoch.Figures;
        return figures.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"{callback} monitors '{name}', which epoch {epoch.Epoch} does not have; it has {string.Join(", ", figures.Keys)}.");
    }

    /// <summary>Whether <paramref name="current"/> beats <paramref name="best"/> (none yet: it does) by more than <paramref name="minDelta"/>.</summary>
    public bool Improves(double current, double? best, double minDelta, MlpEpoch epoch) => best is not { } reference ||
        (HigherIsBetter(epoch) ? current - minDelta > reference : current + minDelta < reference);

    /// <summary>The name with the task's metric filled in.</summary>
    public string Resolved(MlpEpoch epoch) => Name.Replace(MetricPlaceholder, epoch.MetricName, StringComparison.Ordinal);

    private bool HigherIsBetter(MlpEpoch epoch) => _mode switch
    {
        MlpMonitorMode.Max => true,
        MlpMonitorMode.Min => false,
        _ => Resolved(epoch).EndsWith("accuracy", StringComparison.Ordinal),
    };

    /// <inheritdoc />
    public override string ToString() => _mode == MlpMonitorMode.Auto ? Name : $"{Name}, {_mode}";
}
