using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Trainers.Torch;

namespace MlNetMlp.Callbacks;

/// <summary>
/// What a callback sees of a training run and may change: the epoch and step, the history, the learning rate,
/// stopping, the weights (snapshot and restore), and the current model (as a transformer, or saved).
/// </summary>
public sealed class MlpTrainingContext
{
    private readonly TrainingLoop _loop;
    private readonly Func<MlpWeightsSnapshot, MlpTransformer> _transformer;
    private readonly DataViewSchema _inputSchema;

    internal MlpTrainingContext(TrainingLoop loop, Func<MlpWeightsSnapshot, MlpTransformer> transformer, DataViewSchema inputSchema, IReadOnlyList<MlpCallback> callbacks, string runDescription)
    {
        _loop = loop;
        _transformer = transformer;
        _inputSchema = inputSchema;
        Callbacks = callbacks;
        RunDescription = runDescription;
    }

    /// <summary>The epoch being trained (from 1), or the last completed one between epochs; 0 before the first.</summary>
    public int Epoch => _loop.Epoch;

    /// <summary>The epochs the run trains at most (<c>MlpOptions.Epochs</c>).</summary>
    public int Epochs => _loop.Epochs;

    /// <summary>Optimizer steps taken, as Keras's <c>optimizer.iterations</c>.</summary>
    public long Step => _loop.Step;

    /// <summary>The epochs completed so far (a resumed run's earlier ones included).</summary>
    public IReadOnlyList<MlpEpoch> History => _loop.History;

    /// <summary>The epochs a resumed run did not train again; 0 for a run from the start.</summary>
    public int ResumedAfterEpoch { get; private set; }

    /// <summary>Whether a callback asked training to stop.</summary>
    public bool StopRequested { get; private set; }

    /// <summary>
    /// The learning rate of the next step. Setting it is refused when <c>MlpOptions.LearningRateSchedule</c> sets the
    /// rate (the schedule would override it at the next step).
    /// </summary>
    /// <exception cref="InvalidOperationException">A schedule sets the rate.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not finite or below 0.</exception>
    public double LearningRate
    {
        get => _loop.LearningRate;
        set
        {
            if (_loop.HasSchedule)
            {
                throw new InvalidOperationException("The learning rate follows MlpOptions.LearningRateSchedule; a callback cannot set it as well.");
            }

            if (!(value >= 0 && double.IsFinite(value)))
            {
                throw new ArgumentOutOfRangeException(nameof(value), $"Expected a finite learning rate >= 0. Received: {value.ToString(CultureInfo.InvariantCulture)}");
            }

            _loop.LearningRate = value;
        }
    }

    internal TrainingLoop Loop => _loop;

    /// <summary>Every callback of the run, in order (the built-in ones included).</summary>
    internal IReadOnlyList<MlpCallback> Callbacks { get; }

    /// <summary>What identifies the run (architecture, options, data sizes), so a backup resumes only the run that wrote it.</summary>
    internal string RunDescription { get; }

    /// <summary>Ends training after the current epoch (Keras's <c>model.stop_training = True</c>).</summary>
    public void StopTraining() => StopRequested = true;

    /// <summary>A copy of every weight as it is now.</summary>
    /// <returns>The snapshot, to pass to <see cref="RestoreWeights"/> or <see cref="Transformer(MlpWeightsSnapshot)"/>.</returns>
    public MlpWeightsSnapshot SnapshotWeights() => new(_loop.Epoch, _loop.Network.ExportWeights());

    /// <summary>Sets every weight back to <paramref name="snapshot"/>.</summary>
    /// <param name="snapshot">A snapshot of this run.</param>
    public void RestoreWeights(MlpWeightsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _loop.Network.ImportWeights(snapshot.Weights);
    }

    /// <summary>The network as it is now, as the trained transformer <c>Fit</c> would return, history so far included.</summary>
    /// <returns>A transformer that scores, saves and appends to a pipeline like any other.</returns>
    public MlpTransformer CurrentTransformer() => _transformer(SnapshotWeights());

    /// <summary>The network with <paramref name="snapshot"/>'s weights, as a trained transformer.</summary>
    /// <param name="snapshot">A snapshot of this run.</param>
    /// <returns>A transformer that scores, saves and appends to a pipeline like any other.</returns>
    public MlpTransformer Transformer(MlpWeightsSnapshot snapshot) => _transformer(snapshot);

    /// <summary>
    /// Saves the current network as an ML.NET model <c>.zip</c> (the transformer, with the training data's schema as
    /// input schema) atomically: a temporary file, flushed, then renamed, so a crash never leaves a half-written model
    /// under <paramref name="path"/>.
    /// </summary>
    /// <param name="path">The model file to write or replace.</param>
    public void SaveModel(string path) => Save(CurrentTransformer(), path);

    internal void Save(MlpTransformer transformer, string path) =>
        AtomicFile.Write(path, stream => new MLContext().Model.Save(transformer, _inputSchema, stream));

    /// <summary>Continues the run from <paramref name="checkpoint"/> (<see cref="BackupAndRestore"/>).</summary>
    internal void Resume(TrainingCheckpoint checkpoint)
    {
        _loop.Restore(checkpoint);
        ResumedAfterEpoch = checkpoint.CompletedEpochs;
    }
}
