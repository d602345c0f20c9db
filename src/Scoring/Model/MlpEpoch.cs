using System.Globalization;

namespace MlNetMlp;

/// <summary>
/// The figures of one training epoch, as Keras's <c>History</c> keeps them. The metric is accuracy for
/// classification and mean absolute error for regression (<see cref="MetricName"/>). Every figure also has a name
/// (<see cref="Figures"/>: <c>loss</c>, <c>accuracy</c>, <c>val_loss</c>, <c>learning_rate</c>...), and the model file
/// stores them by name, so a figure added later (<see cref="Additional"/>) changes no file format.
/// </summary>
/// <param name="Epoch">The epoch number, from 1.</param>
/// <param name="TrainingLoss">Mean training loss over the epoch's batches (weighted by batch size), penalty included, as Keras reports <c>loss</c>.</param>
/// <param name="TrainingMetric">The metric on the training batches as they were seen during the epoch.</param>
/// <param name="PenaltyLoss">The part of <see cref="TrainingLoss"/> that comes from L1/L2 kernel penalties.</param>
/// <param name="ValidationLoss">Loss on the validation data after the epoch (penalty included, as Keras's <c>val_loss</c>); null without validation data.</param>
/// <param name="ValidationPenaltyLoss">
/// The part of <see cref="ValidationLoss"/> that comes from L1/L2 kernel penalties: the penalty of the weights at the
/// epoch's end (0 without penalties); null without validation data, or when read from a model saved before it was kept.
/// </param>
/// <param name="ValidationMetric">The metric on the validation data after the epoch; null without validation data.</param>
/// <param name="MetricName">"accuracy" or "mae".</param>
/// <param name="WallTime">Time the epoch took, validation included.</param>
public sealed record MlpEpoch(
    int Epoch,
    double TrainingLoss,
    double TrainingMetric,
    double PenaltyLoss,
    double? ValidationLoss,
    double? ValidationPenaltyLoss,
    double? ValidationMetric,
    string MetricName,
    TimeSpan WallTime)
{
    /// <summary>The name of <see cref="TrainingLoss"/> in <see cref="Figures"/>.</summary>
    public const string LossName = "loss";

    /// <summary>The name of <see cref="PenaltyLoss"/>.</summary>
    public const string PenaltyName = "penalty";

    /// <summary>The prefix of validation figures, as Keras's <c>val_loss</c>.</summary>
    public const string ValidationPrefix = "val_";

    /// <summary>The name of <see cref="WallTime"/>, in seconds.</summary>
    public const string TimeName = "time";

    /// <summary>The name of the learning rate the epoch trained with, among <see cref="Additional"/>.</summary>
    public const string LearningRateName = "learning_rate";

    private readonly IReadOnlyDictionary<string, double> _additional = new Dictionary<string, double>();

    /// <summary>
    /// Figures beyond the properties above, by name: the learning rate the epoch trained with (<see cref="LearningRateName"/>)
    /// and whatever later features record. Their names differ from the properties' names.
    /// </summary>
    public IReadOnlyDictionary<string, double> Additional
    {
        get => _additional;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var clash = value.Keys.FirstOrDefault(StandardNames.Contains);
            if (clash is not null)
            {
                throw new ArgumentException($"Expected figures other than {string.Join(", ", StandardNames)} (they are properties). Received: '{clash}'", nameof(Additional));
            }

            _additional = new Dictionary<string, double>(value, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Every figure of the epoch by name, as Keras's <c>History.history</c> keys them: <c>loss</c>, the metric
    /// (<c>accuracy</c> or <c>mae</c>), <c>penalty</c>, <c>time</c> (seconds), with validation data <c>val_loss</c>,
    /// <c>val_penalty</c> and the validation metric, then <see cref="Additional"/>.
    /// </summary>
    public IReadOnlyDictionary<string, double> Figures
    {
        get
        {
            var figures = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                [LossName] = TrainingLoss,
                [MetricName] = TrainingMetric,
                [PenaltyName] = PenaltyLoss,
            };
            AddIfKnown(figures, ValidationPrefix + LossName, ValidationLoss);
            AddIfKnown(figures, ValidationPrefix + PenaltyName, ValidationPenaltyLoss);
            AddIfKnown(figures, ValidationPrefix + MetricName, ValidationMetric);
            figures[TimeName] = WallTime.TotalSeconds;
            foreach (var (name, value) in _additional)
            {
                figures[name] = value;
            }

            return figures;
        }
    }

    /// <summary>
    /// The validation loss of the data alone, <see cref="ValidationLoss"/> minus <see cref="ValidationPenaltyLoss"/>: the
    /// loss to compare networks with different penalties by. Null when either is unknown.
    /// </summary>
    public double? ValidationLossWithoutPenalty => ValidationLoss - ValidationPenaltyLoss;

    /// <summary>The learning rate the epoch trained with; null in histories saved before it was kept.</summary>
    public double? LearningRate => _additional.TryGetValue(LearningRateName, out var rate) ? rate : null;

    private string[] StandardNames => [LossName, MetricName, PenaltyName, ValidationPrefix + LossName, ValidationPrefix + PenaltyName, ValidationPrefix + MetricName, TimeName];

    /// <summary>The epoch that <paramref name="figures"/> describe, as <see cref="Figures"/> names them (what a model file stores).</summary>
    /// <param name="epoch">The epoch number.</param>
    /// <param name="metricName">The metric's name ("accuracy" or "mae").</param>
    /// <param name="figures">The named figures; loss, the metric, penalty and time are required.</param>
    /// <returns>The epoch, with every figure that is not a property in <see cref="Additional"/>.</returns>
    /// <exception cref="KeyNotFoundException">A required figure is missing.</exception>
    public static MlpEpoch FromFigures(int epoch, string metricName, IReadOnlyDictionary<string, double> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        double Required(string name) => figures.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"Expected the figure '{name}' for epoch {epoch}. Received: {string.Join(", ", figures.Keys)}");
        double? Optional(string name) => figures.TryGetValue(name, out var value) ? value : null;
        var result = new MlpEpoch(epoch, Required(LossName), Required(metricName), Required(PenaltyName), Optional(ValidationPrefix + LossName),
            Optional(ValidationPrefix + PenaltyName), Optional(ValidationPrefix + metricName), metricName, TimeSpan.FromTicks((long)Math.Round(Required(TimeName) * TimeSpan.TicksPerSecond)));
        var standard = result.StandardNames;
        return result with { Additional = figures.Where(pair => !standard.Contains(pair.Key)).ToDictionary() };
    }

    /// <summary>Equal when every property and every additional figure is.</summary>
    /// <param name="other">The epoch to compare with.</param>
    /// <returns>Whether the two are the same epoch with the same figures.</returns>
    public bool Equals(MlpEpoch? other) => other is not null && Epoch == other.Epoch && TrainingLoss.Equals(other.TrainingLoss) &&
        TrainingMetric.Equals(other.TrainingMetric) && PenaltyLoss.Equals(other.PenaltyLoss) && Nullable.Equals(ValidationLoss, other.ValidationLoss) &&
        Nullable.Equals(ValidationPenaltyLoss, other.ValidationPenaltyLoss) && Nullable.Equals(ValidationMetric, other.ValidationMetric) &&
        MetricName == other.MetricName && WallTime == other.WallTime && _additional.Count == other._additional.Count &&
        _additional.All(pair => other._additional.TryGetValue(pair.Key, out var value) && value.Equals(pair.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Epoch, TrainingLoss, ValidationLoss, MetricName, WallTime, _additional.Count);

    /// <summary>One line in Keras's style: <c>Epoch 3: loss 0.1234 - accuracy 0.9650 - val_loss ... (1.2 s)</c>.</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Epoch {Epoch}: loss {TrainingLoss:F4} - {MetricName} {TrainingMetric:F4}");
        if (ValidationLoss is { } validationLoss)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" - val_loss {validationLoss:F4} - val_{MetricName} {ValidationMetric:F4}");
        }

        return text + string.Create(CultureInfo.InvariantCulture, $" ({WallTime.TotalSeconds:F1} s)");
    }

    private static void AddIfKnown(Dictionary<string, double> figures, string name, double? value)
    {
        if (value is { } known)
        {
            figures[name] = known;
        }
    }
}
