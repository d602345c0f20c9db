using System.Globalization;
using System.Text.RegularExpressions;
using MlNetMlp.Trainers.Callbacks;

namespace MlNetMlp.Callbacks;

/// <summary>
/// Saves the model after epochs, as Keras's <c>ModelCheckpoint</c>: after every epoch, or with <c>saveBestOnly</c> only
/// when the monitored figure improved. Each save is an ordinary ML.NET model <c>.zip</c> holding the trained MLP
/// transformer (load it with <c>mlContext.Model.Load</c>, append it after the same data preparation), written
/// atomically: a crash never leaves a half-written model under the final name. The path may name the epoch and any
/// figure, with an optional .NET format: <c>model-{epoch:00}-{val_loss:0.0000}.zip</c>.
/// </summary>
public sealed partial class ModelCheckpoint : MlpCallback, IBackedUpCallback
{
    private readonly string _filePath;
    private readonly MonitoredFigure _monitor;
    private readonly bool _saveBestOnly;
    private readonly List<string> _saved = [];
    private double? _best;

    /// <summary>Creates the callback with Keras's defaults.</summary>
    /// <param name="filePath">Where to save; <c>{epoch}</c> and <c>{figure}</c> placeholders, with <c>:format</c>, are filled in.</param>
    /// <param name="monitor">The figure that decides "best", by its name in <see cref="MlpEpoch.Figures"/>.</param>
    /// <param name="saveBestOnly">Whether to save only when the monitored figure improved.</param>
    /// <param name="mode">Which way the figure improves; Auto reads it from the name.</param>
    public ModelCheckpoint(string filePath, string monitor = "val_loss", bool saveBestOnly = false, MlpMonitorMode mode = MlpMonitorMode.Auto)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        _filePath = filePath;
        _monitor = new MonitoredFigure(monitor, mode);
        _saveBestOnly = saveBestOnly;
    }

    /// <summary>The files saved in this run, in order.</summary>
    public IReadOnlyList<string> Saved => _saved;

    internal override string? WritesTo => _filePath;

    internal override string? Monitors => _saveBestOnly ? _monitor.Name : null;

    /// <inheritdoc />
    public override void OnTrainBegin(MlpTrainingContext context)
    {
        _best = null;
        _saved.Clear();
    }

    /// <inheritdoc />
    public override void OnEpochEnd(MlpTrainingContext context, MlpEpoch epoch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(epoch);
        if (_saveBestOnly)
        {
            var current = _monitor.Read(epoch, nameof(ModelCheckpoint));
            if (!_monitor.Improves(current, _best, 0, epoch))
            {
                return;
            }

            _best = current;
        }

        var path = PathFor(epoch);
        context.SaveModel(path);
        _saved.Add(path);
    }

    /// <inheritdoc />
    public override string ToString() => $"ModelCheckpoint(filePath={_filePath}, monitor={_monitor}, saveBestOnly={_saveBestOnly.ToString().ToLowerInvariant()})";

    CallbackState IBackedUpCallback.Save() => new([_best ?? double.NaN]);

    void IBackedUpCallback.Load(CallbackState state) => _best = double.IsNaN(state.Numbers[0]) ? null : state.Numbers[0];

    /// <summary>The path with the epoch's number and figures in place of their placeholders.</summary>
    private string PathFor(MlpEpoch epoch)
    {
        var figures = epoch.Figures;
        return Placeholder().Replace(_filePath, match =>
        {
            var (name, format) = (match.Groups[1].Value, match.Groups[2].Success ? match.Groups[2].Value : null);
            if (name == "epoch")
            {
                return epoch.Epoch.ToString(format, CultureInfo.InvariantCulture);
            }

            return figures.TryGetValue(name, out var value)
                ? value.ToString(format, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"The checkpoint path '{_filePath}' names '{name}', which epoch {epoch.Epoch} does not have; it has epoch, {string.Join(", ", figures.Keys)}.");
        });
    }

    [GeneratedRegex(@"\{(\w+)(?::([^}]*))?\}")]
    private static partial Regex Placeholder();
}
