using System.Diagnostics;
using MlNetMlp.Schedules;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Trainers.Torch.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// Keras's <c>fit</c> loop over an <see cref="MlpNetwork"/>: per epoch, shuffled mini-batches each in its own dispose
/// scope (forward, loss + kernel penalty, backward, the optimizer's step), then validation in eval mode without
/// gradients, and the epoch's figures. Everything that decides (stopping, the learning rate beyond the schedule,
/// checkpoints, logging) is left to <see cref="ITrainingHooks"/>, which may also read and set the state of the run
/// (<see cref="LearningRate"/>, <see cref="Capture"/>, <see cref="Restore"/>). The check-alive action runs
/// between batches and throws to cancel.
/// </summary>
internal sealed class TrainingLoop : IDisposable
{
    private readonly MlpNetwork _network;
    private readonly TrainingSettings _settings;
    private readonly Action _checkAlive;
    private readonly StepOptimizer _optimizer;
    private readonly MlpActivation _outputActivation;
    private readonly MlpLoss _loss;
    private readonly List<MlpEpoch> _history = [];
    private int _completedEpochs;

    public TrainingLoop(MlpNetwork network, TrainingSettings settings, Action checkAlive)
    {
        _network = network;
        _settings = settings;
        _checkAlive = checkAlive;
        _outputActivation = network.Architecture.OutputActivation;
        _loss = network.Architecture.Loss;
        _optimizer = settings.Optimizer.Create(network.OptimizedParameters(settings.Optimizer.DecayEveryWeight));
        if (settings.Schedule is { } schedule)
        {
            _optimizer.LearningRate = schedule.Rate(0);
        }
    }

    /// <summary>The epochs trained so far, Keras's <c>History</c>.</summary>
    public IReadOnlyList<MlpEpoch> History => _history;

    /// <summary>The epoch being trained, from 1; the last completed one between epochs.</summary>
    public int Epoch { get; private set; }

    /// <summary>Optimizer steps taken.</summary>
    public long Step => _optimizer.Iterations;

    /// <summary>The epochs the run trains at most.</summary>
    public int Epochs => _settings.Epochs;

    /// <summary>Whether a schedule sets the rate (then nothing else may).</summary>
    public bool HasSchedule => _settings.Schedule is not null;

    /// <summary>The rate of the next step.</summary>
    public double LearningRate
    {
        get => _optimizer.LearningRate;
        set => _optimizer.LearningRate = value;
    }

    public MlpNetwork Network => _network;

    /// <summary>Trains on <paramref name="training"/>, validating on <paramref name="validation"/> when given; returns the history.</summary>
    public IReadOnlyList<MlpEpoch> Run(IMiniBatchSource training, IMiniBatchSource? validation, ITrainingHooks hooks)
    {
        var shuffle = _settings.Shuffle ? new Random(_settings.Seed) : null;
        hooks.TrainBegin();
        if (shuffle is not null)
        {
            // A resumed run draws the orders of the epochs it skips, so the next epoch's order is the one it would have had.
            for (var skipped = 0; skipped < _completedEpochs; skipped++)
            {
                training.SkipShuffle(shuffle);
            }
        }

        for (var epoch = _completedEpochs + 1; epoch <= _settings.Epochs && !hooks.StopRequested; epoch++)
        {
            Epoch = epoch;
            if (_settings.Schedule is { Unit: MlpScheduleUnit.Epoch } schedule)
            {
                _optimizer.LearningRate = schedule.Rate(epoch - 1);
            }

            hooks.EpochBegin(epoch);
            var clock = Stopwatch.StartNew();
            var (loss, metric, penalty) = TrainEpoch(epoch, training, shuffle, hooks);
            var (validationLoss, validationMetric, validationPenalty) = validation is null ? ((double?)null, (double?)null, (double?)null) : Evaluate(validation);
            var result = new MlpEpoch(epoch, loss, metric, penalty, validationLoss, validationPenalty, validationMetric, Metrics.Name(_settings.Metric), clock.Elapsed)
            {
                Additional = new Dictionary<string, double> { [MlpEpoch.LearningRateName] = _optimizer.LearningRate },
            };
            _history.Add(result);
            _completedEpochs = epoch;
            hooks.EpochEnd(result);
        }

        hooks.TrainEnd();
        return _history;
    }

    /// <summary>Everything a resumed run needs to continue exactly: completed epochs, history, weights, optimizer and generator state.</summary>
    public TrainingCheckpoint Capture() =>
        new(_completedEpochs, [.. _history], _network.ExportWeights(), _optimizer.Save(), _network.GeneratorState());

    /// <summary>Continues from <paramref name="checkpoint"/>: the next epoch trained is the one after its last.</summary>
    public void Restore(TrainingCheckpoint checkpoint)
    {
        _network.ImportWeights(checkpoint.Weights);
        _optimizer.Load(checkpoint.Optimizer);
        _network.SetGeneratorState(checkpoint.Generator);
        _history.Clear();
        _history.AddRange(checkpoint.History);
        _completedEpochs = checkpoint.CompletedEpochs;
        Epoch = checkpoint.CompletedEpochs;
    }

    public void Dispose() => _optimizer.Dispose();

    private (double Loss, double Metric, double Penalty) TrainEpoch(int epoch, IMiniBatchSource training, Random? shuffle, ITrainingHooks hooks)
    {
        _network.train();
        double lossSum = 0, metricSum = 0, penaltySum = 0;
        long rows = 0;
        var batchNumber = 0;
        foreach (var batch in training.Batches(_settings.BatchSize, shuffle))
        {
            _checkAlive();
            batchNumber++;
            if (_settings.Schedule is { Unit: MlpScheduleUnit.Step } schedule)
            {
                _optimizer.LearningRate = schedule.Rate(_optimizer.Iterations);
            }

            double batchLoss;
            using (var scope = torch.NewDisposeScope())
            {
                var (features, targets, weights) = batch.ToTensors(_settings.Device);
                _optimizer.ZeroGrad();
                var raw = _network.forward(features);
                var penalty = _network.Penalty();
                var loss = LossFunction.Compute(_loss, _outputActivation, raw, Smoothed(targets), TrainingWeights(targets, weights));
                if (penalty is not null)
                {
                    loss += penalty;
                    penaltySum += penalty.item<float>() * (double)batch.Count;
                }

                batchLoss = loss.item<float>();
                if (double.IsFinite(batchLoss))
                {
                    loss.backward();
                    _optimizer.Step();
                }

                using (torch.no_grad())
                {
                    metricSum += Metrics.SumOverRows(_settings.Metric, _outputActivation, raw, targets);
                }
            }

            lossSum += batchLoss * batch.Count;
            rows += batch.Count;
            hooks.BatchEnd(epoch, batchNumber, batch.Count, batchLoss);
        }

        return rows > 0
            ? (lossSum / rows, metricSum / rows, penaltySum / rows)
            : throw new InvalidOperationException("The training data is empty: expected at least one row, found 0 rows.");
    }

    /// <summary>
    /// Loss (penalty included, as Keras's <c>val_loss</c>, label smoothing too, class weights not) and metric over
    /// <paramref name="data"/> in eval mode, without gradients, and the penalty of the current weights that the loss includes.
    /// </summary>
    public (double Loss, double Metric, double Penalty) Evaluate(IMiniBatchSource data)
    {
        _network.eval();
        using var noGrad = torch.no_grad();
        double lossSum = 0, metricSum = 0;
        long rows = 0;
        float penalty;
        using (var penaltyTensor = _network.Penalty())
        {
            penalty = penaltyTensor?.item<float>() ?? 0;
        }

        foreach (var batch in data.Batches(_settings.BatchSize, shuffle: null))
        {
            _checkAlive();
            using var scope = torch.NewDisposeScope();
            var (features, targets, weights) = batch.ToTensors(_settings.Device);
            var raw = _network.forward(features);
            lossSum += (LossFunction.Compute(_loss, _outputActivation, raw, Smoothed(targets), weights).item<float>() + penalty) * (double)batch.Count;
            metricSum += Metrics.SumOverRows(_settings.Metric, _outputActivation, raw, targets);
            rows += batch.Count;
        }

        _network.train();
        return rows == 0
            ? throw new InvalidOperationException("The validation data is empty: expected at least one row to validate on, found 0 rows.")
            : (lossSum / rows, metricSum / rows, penalty);
    }

    /// <summary>Keras's label smoothing: t·(1 - s) + s/K over K classes (K = 2 for a binary label); the targets themselves without it.</summary>
    private Tensor Smoothed(Tensor targets)
    {
        if (_settings.LabelSmoothing == 0)
        {
            return targets;
        }

        var classes = targets.shape[1] == 1 ? 2 : targets.shape[1];
        using var keep = (1 - (double)_settings.LabelSmoothing).ToScalar();
        using var spread = ((double)_settings.LabelSmoothing / classes).ToScalar();
        return targets * keep + spread;
    }

    /// <summary>Each row's weight in the training loss: its class's weight times its example weight; null when neither is set.</summary>
    private Tensor? TrainingWeights(Tensor targets, Tensor? exampleWeights)
    {
        if (_settings.ClassWeights is not { } classWeights)
        {
            return exampleWeights;
        }

        using var perClass = torch.tensor(classWeights, device: targets.device);
        var rowWeights = targets.shape[1] == 1
            ? (targets.squeeze(1) * (perClass[1] - perClass[0])) + perClass[0]
            : targets.matmul(perClass);
        return exampleWeights is null ? rowWeights : rowWeights * exampleWeights;
    }
}
