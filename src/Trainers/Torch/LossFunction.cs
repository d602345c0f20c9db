using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// The loss of a batch from raw network outputs, as Keras computes it: per-example losses (averaged over outputs),
/// multiplied by example weights when there are any, then averaged over the batch. Softmax with categorical
/// cross-entropy and sigmoid with binary cross-entropy are computed from the logits; other pairings clip
/// probabilities to [ε, 1 - ε] as Keras does. The scalars it makes are disposed (<see cref="TorchScalars"/>).
/// </summary>
internal static class LossFunction
{
    private const double Epsilon = 1e-7;

    public static Tensor Compute(MlpLoss loss, MlpActivation outputActivation, Tensor raw, Tensor target, Tensor? weights)
    {
        var perExample = loss switch
        {
            MlpLoss.CategoricalCrossEntropy => CategoricalCrossEntropy(outputActivation, raw, target),
            MlpLoss.BinaryCrossEntropy => BinaryCrossEntropy(outputActivation, raw, target),
            MlpLoss.MeanSquaredError => (Activations.Apply(outputActivation, raw) - target).square().mean([1]),
            MlpLoss.MeanAbsoluteError => (Activations.Apply(outputActivation, raw) - target).abs().mean([1]),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), $"Expected a resolved loss. Received: loss={loss}"),
        };
        return weights is null ? perExample.mean() : (perExample * weights).mean();
    }

    private static Tensor CategoricalCrossEntropy(MlpActivation outputActivation, Tensor raw, Tensor target)
    {
        if (outputActivation == MlpActivation.Softmax)
        {
            return -(target * raw.log_softmax(1)).sum(1);
        }

        // Keras rescales the outputs to sum to 1 before clipping.
        using var low = Epsilon.ToScalar();
        using var high = (1 - Epsilon).ToScalar();
        var probabilities = Activations.Apply(outputActivation, raw);
        probabilities = (probabilities / probabilities.sum(1, keepdim: true)).clamp(low, high);
        return -(target * probabilities.log()).sum(1);
    }

    private static Tensor BinaryCrossEntropy(MlpActivation outputActivation, Tensor raw, Tensor target)
    {
        if (outputActivation == MlpActivation.Sigmoid)
        {
            return nn.functional.binary_cross_entropy_with_logits(raw, target, reduction: nn.Reduction.None).mean([1]);
        }

        using var low = Epsilon.ToScalar();
        using var high = (1 - Epsilon).ToScalar();
        using var one = 1.ToScalar();
        var p = Activations.Apply(outputActivation, raw).clamp(low, high);
        return -(target * p.log() + (one - target) * (one - p).log()).mean([1]);
    }
}
