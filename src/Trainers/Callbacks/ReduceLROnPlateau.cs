using System.Globalization;
using MlNetMlp.Trainers.Callbacks;

namespace MlNetMlp.Callbacks;

/// <summary>
/// Lowers the learning rate when a monitored figure stops improving, as Keras's <c>ReduceLROnPlateau</c>: after
/// <c>patience</c> epochs without an improvement of more than <c>minDelta</c>, the rate is multiplied by
/// <c>factor</c> (not below <c>minLearningRate</c>), then <c>cooldown</c> epochs pass before counting again.
/// </summary>
public sealed class ReduceLROnPlateau : MlpCallback, IBackedUpCallback
{
    private readonly MonitoredFigure _monitor;
    private readonly double _factor;
    private readonly int _patience;
    private readonly double _minDelta;
    private readonly int _cooldown;
    private readonly double _minLearningRate;
    private double? _best;
    private int _wait;
    private int _cooldownCounter;

    /// <summary>Creates the callback with Keras's defaults.</summary>
    /// <param name="monitor">The figure to watch, by its name in <see cref="MlpEpoch.Figures"/>.</param>
    /// <param name="factor">The factor on the rate, in (0, 1).</param>
    /// <param name="patience">Epochs without improvement before the rate is lowered, at least 0.</param>
    /// <param name="mode">Which way the figure improves; Auto reads it from the name.</param>
    /// <param name="minDelta">The smallest change that counts as an improvement, finite and at least 0.</param>
    /// <param name="cooldown">Epochs after a reduction before epochs count again, at least 0.</param>
    /// <param name="minLearningRate">The lowest rate, finite and at least 0.</param>
    public ReduceLROnPlateau(string monitor = "val_loss", double factor = 0.1, int patience = 10, MlpMonitorMode mode = MlpMonitorMode.Auto, double minDelta = 1e-4,
        int cooldown = 0, double minLearningRate = 0)
    {
        _monitor = new MonitoredFigure(monitor, mode);
        if (!(factor > 0 && factor < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), $"Expected factor in (0, 1). Received: factor={Format(factor)}");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        ArgumentOutOfRangeException.ThrowIfNegative(cooldown);
        if (!(minDelta >= 0 && double.IsFinite(minDelta)))
        {
            throw new ArgumentOutOfRangeException(nameof(minDelta), $"Expected a finite minDelta >= 0. Received: minDelta={Format(minDelta)}");
        }

        if (!(minLearningRate >= 0 && double.IsFinite(minLearningRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(minLearningRate), $"Expected a finite minLearningRate >= 0. Received: minLearningRate={Format(minLearningRate)}");
        }

        (_factor, _patience, _minDelta, _cooldown, _minLearningRate) = (factor, patience, minDelta, cooldown, minLearningRate);
    }

    internal override bool SetsLearningRate => true;

    internal override string? Monitors => _monitor.Name;

    /// <inheritdoc />
    public override void OnTrainBegin(MlpTrainingContext context) => (_best, _wait, _cooldownCounter) = (null, 0, 0);

    /// <inheritdoc />
    public override void OnEpochEnd(MlpTrainingContext context, MlpEpoch epoch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(epoch);
        var current = _monitor.Read(epoch, nameof(ReduceLROnPlateau));
        if (_cooldownCounter > 0)
        {
            _cooldownCounter--;
            _wait = 0;
        }

        if (_monitor.Improves(current, _best, _minDelta, epoch))
        {
            _best = current;
            _wait = 0;
        }
        else if (_cooldownCounter == 0 && ++_wait >= _patience)
        {
            var rate = context.LearningRate;
            // Keras compares with the lowest rate in float32, the optimizer's precision.
            if ((float)rate > (float)_minLearningRate)
            {
                context.LearningRate = Math.Max(rate * _factor, _minLearningRate);
                _cooldownCounter = _cooldown;
                _wait = 0;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ReduceLROnPlateau(monitor={_monitor}, factor={Format(_factor)}, patience={_patience}, minDelta={Format(_minDelta)}, cooldown={_cooldown}, minLearningRate={Format(_minLearningRate)})";

    CallbackState IBackedUpCallback.Save() => new([_best ?? double.NaN, _wait, _cooldownCounter]);

    void IBackedUpCallback.Load(CallbackState state)
    {
        _best = double.IsNaN(state.Numbers[0]) ? null : state.Numbers[0];
        (_wait, _cooldownCounter) = ((int)state.Numbers[1], (int)state.Numbers[2]);
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
