using System.Diagnostics;
using System.Globalization;
using MlNetMlp.Scoring.Layers;
using TorchSharp;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// Keras's <c>fit</c> loop over an <see cref="MlpNetwork"/>: per epoch, shuffled mini-batches each in its own dispose
/// scope (forward, loss + kernel penalty, backward, step), then validation in eval mode without gradients, early
/// stopping, and a report. <paramref name="checkAlive"/> runs between batches and throws to cancel.
/// </summary>
internal sealed class TrainingLoop(MlpNetwork network, TrainingSettings settings, Action checkAlive, Action<MlpEpoch> report)
{
    private readonly MlpActivation _outputActivation = network.Architecture.OutputActivation;
    private readonly MlpLoss _loss = network.Architecture.Loss;

    /// <summary>Trains on <paramref name="training"/>, validating on <paramref name="validation"/> when given; returns the history.</summary>
    public IReadOnlyList<MlpEpoch> Run(IMiniBatchSource training, IMiniBatchSource? validation)
    {
        var history = new List<MlpEpoch>();
        var shuffle = settings.Shuffle ? new Random(settings.Seed) : null;
        var stopping = settings.EarlyStopping is { } options ? new EarlyStoppingTracker(options, settings.Metric) : null;
        IReadOnlyList<LayerWeights>? bestWeights = null;
        using var optimizer = OptimizerFactory.Create(settings.Optimizer, network.TrainableParameters(), settings.LearningRate, settings.Momentum);
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var (loss, metric, penalty) = TrainEpoch(epoch, training, optimizer, shuffle);
            var (validationLoss, validationMetric, validationPenalty) = validation is null ? ((double?)null, (double?)null, (double?)null) : Evaluate(validation);
            if (validationLoss is { } value && !double.IsFinite(value))
            {
                throw new InvalidOperationException(
                    $"The validation loss became {value.ToString(CultureInfo.InvariantCulture)} after epoch {epoch} while the training loss was {loss.ToString(CultureInfo.InvariantCulture)}: " +
                    "the validation data's features or targets are likely far from the training data's scale; prepare both with the same fitted transforms.");
            }
            var result = new MlpEpoch(epoch, loss, metric, penalty, validationLoss, validationPenalty, validationMetric, Metrics.Name(settings.Metric), clock.Elapsed)
            {
                Additional = new Dictionary<string, double> { [MlpEpoch.LearningRateName] = settings.LearningRate },
            };
            history.Add(result);
            report(result);
            if (stopping is null)
            {
                continue;
            }

            if (stopping.Improved(result) && settings.EarlyStopping!.RestoreBestWeights)
            {
                bestWeights = network.ExportWeights();
            }

            if (stopping.ShouldStop)
            {
                break;
            }
        }

        if (bestWeights is not null)
        {
            network.ImportWeights(bestWeights);
        }

        return history;
    }

    private (double Loss, double Metric, double Penalty) TrainEpoch(int epoch, IMiniBatchSource training, IStepOptimizer optimizer, Random? shuffle)
    {
        network.train();
        double lossSum = 0, metricSum = 0, penaltySum = 0;
        long rows = 0;
        var batchNumber = 0;
        foreach (var batch in training.Batches(settings.BatchSize, shuffle))
        {
            checkAlive();
            batchNumber++;
            using var scope = torch.NewDisposeScope();
            var (features, targets, weights) = batch.ToTensors(settings.Device);
            optimizer.ZeroGrad();
            var raw = network.forward(features);
            var penalty = network.Penalty();
            var loss = LossFunction.Compute(_loss, _outputActivation, raw, targets, weights);
            if (penalty is not null)
            {
                loss += penalty;
                penaltySum += penalty.item<float>() * (double)batch.Count;
            }

            var batchLoss = loss.item<float>();
            if (!float.IsFinite(batchLoss))
            {
                throw new InvalidOperationException(
                    $"The training loss became {batchLoss.ToString(CultureInfo.InvariantCulture)} at epoch {epoch}, batch {batchNumber}, so training stopped (as Keras's TerminateOnNaN). " +
                    "The usual causes: features or regression targets far from unit scale (normalize them, e.g. NormalizePixels, NormalizeMinMax or NormalizeMeanVariance), " +
                    $"or a learning rate too large for the optimizer (now {settings.LearningRate.ToString(CultureInfo.InvariantCulture)}).");
            }

            loss.backward();
            optimizer.Step();
            lossSum += batchLoss * (double)batch.Count;
            using (torch.no_grad())
            {
                metricSum += Metrics.SumOverRows(settings.Metric, _outputActivation, raw, targets);
            }

            rows += batch.Count;
        }

        return rows > 0
            ? (lossSum / rows, metricSum / rows, penaltySum / rows)
            : throw new InvalidOperationException("The training data is empty: expected at least one row, found 0 rows.");
    }

    /// <summary>
    /// Loss (penalty included, as Keras's <c>val_loss</c>) and metric over <paramref name="data"/> in eval mode, without
    /// gradients, and the penalty of the current weights that the loss includes.
    /// </summary>
    public (double Loss, double Metric, double Penalty) Evaluate(IMiniBatchSource data)
    {
        network.eval();
        using var noGrad = torch.no_grad();
        double lossSum = 0, metricSum = 0;
        long rows = 0;
        float penalty;
        using (var penaltyTensor = network.Penalty())
        {
            penalty = penaltyTensor?.item<float>() ?? 0;
        }

        foreach (var batch in data.Batches(settings.BatchSize, shuffle: null))
        {
            checkAlive();
            using var scope = torch.NewDisposeScope();
            var (features, targets, weights) = batch.ToTensors(settings.Device);
            var raw = network.forward(features);
            lossSum += (LossFunction.Compute(_loss, _outputActivation, raw, targets, weights).item<float>() + penalty) * (double)batch.Count;
            metricSum += Metrics.SumOverRows(settings.Metric, _outputActivation, raw, targets);
            rows += batch.Count;
        }

        network.train();
        return rows == 0
            ? throw new InvalidOperationException("The validation data is empty: expected at least one row to validate on, found 0 rows.")
            : (lossSum / rows, metricSum / rows, penalty);
    }
}
