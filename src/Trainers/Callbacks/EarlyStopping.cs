using System.Globalization;
using MlNetMlp.Trainers.Callbacks;

namespace MlNetMlp.Callbacks;

/// <summary>
/// Stops training when a monitored figure stops improving, as Keras's <c>EarlyStopping</c>: each epoch that does not
/// beat the best so far by more than <c>minDelta</c> counts; after <c>patience</c> of them in a row (at least one)
/// training stops. With <c>restoreBestWeights</c> the best epoch's weights are the run's result. <c>MlpOptions.EarlyStopping</c>
/// adds one of these after the other callbacks.
/// </summary>
public sealed class EarlyStopping : MlpCallback, IBackedUpCallback
{
    private readonly MonitoredFigure _monitor;
    private readonly float _minDelta;
    private readonly int _patience;
    private readonly bool _restoreBestWeights;
    private double? _best;
    private int _wait;
    private MlpWeightsSnapshot? _bestWeights;

    /// <summary>Creates the callback with Keras's defaults.</summary>
    /// <param name="monitor">The figure to watch, by its name in <see cref="MlpEpoch.Figures"/> (<c>val_loss</c>, <c>val_accuracy</c>, <c>loss</c>, <c>mae</c>...).</param>
    /// <param name="minDelta">The smallest change that counts as an improvement, finite and at least 0.</param>
    /// <param name="patience">Epochs without improvement before stopping, at least 0.</param>
    /// <param name="mode">Which way the figure improves; Auto reads it from the name.</param>
    /// <param name="restoreBestWeights">Whether the run ends with the best epoch's weights instead of the last's.</param>
    public EarlyStopping(string monitor = "val_loss", float minDelta = 0, int patience = 0, MlpMonitorMode mode = MlpMonitorMode.Auto, bool restoreBestWeights = false)
        : this(new MonitoredFigure(monitor, mode), minDelta, patience, restoreBestWeights)
    {
    }

    internal EarlyStopping(MlpEarlyStopping options)
        : this(MonitoredFigure.Of(options.Monitor), options.MinDelta, options.Patience, options.RestoreBestWeights)
    {
    }

    private EarlyStopping(MonitoredFigure monitor, float minDelta, int patience, bool restoreBestWeights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        if (!(minDelta >= 0 && float.IsFinite(minDelta)))
        {
            throw new ArgumentOutOfRangeException(nameof(minDelta), $"Expected a finite minDelta >= 0. Received: minDelta={minDelta.ToString(CultureInfo.InvariantCulture)}");
        }

        (_monitor, _minDelta, _patience, _restoreBestWeights) = (monitor, minDelta, patience, restoreBestWeights);
    }

    /// <summary>The epoch that stopped training, or 0 when it ran to the end.</summary>
    public int StoppedEpoch { get; private set; }

    internal override string? Monitors => _monitor.Name;

    /// <inheritdoc />
    public override void OnTrainBegin(MlpTrainingContext context) => (_best, _wait, _bestWeights, StoppedEpoch) = (null, 0, null, 0);

    /// <inheritdoc />
    public override void OnEpochEnd(MlpTrainingContext context, MlpEpoch epoch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(epoch);
        var current = _monitor.Read(epoch, nameof(EarlyStopping));
        if (_monitor.Improves(current, _best, _minDelta, epoch))
        {
            _best = current;
            _wait = 0;
            if (_restoreBestWeights)
            {
                _bestWeights = context.SnapshotWeights();
            }

            return;
        }

        _wait++;
        if (_wait >= Math.Max(1, _patience))
        {
            StoppedEpoch = epoch.Epoch;
            context.StopTraining();
        }
    }

    /// <inheritdoc />
    public override void OnTrainEnd(MlpTrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_bestWeights is not null)
        {
            context.RestoreWeights(_bestWeights);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"EarlyStopping(monitor={_monitor}, minDelta={_minDelta}, patience={_patience}, restoreBestWeights={_restoreBestWeights.ToString().ToLowerInvariant()})");

    CallbackState IBackedUpCallback.Save() => new([_best ?? double.NaN, _wait, StoppedEpoch], _bestWeights?.Weights, _bestWeights?.Epoch ?? 0);

    void IBackedUpCallback.Load(CallbackState state)
    {
        _best = double.IsNaN(state.Numbers[0]) ? null : state.Numbers[0];
        (_wait, StoppedEpoch) = ((int)state.Numbers[1], (int)state.Numbers[2]);
        _bestWeights = state.Weights is null ? null : new MlpWeightsSnapshot(state.WeightsEpoch, state.Weights);
    }
}
