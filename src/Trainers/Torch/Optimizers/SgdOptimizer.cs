using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Optimizers;

/// <summary>Stochastic gradient descent, with momentum as PyTorch and Keras define it: b = μ·b + g, w -= lr·b (w -= lr·g without momentum).</summary>
internal sealed class SgdOptimizer(IReadOnlyList<(Tensor Parameter, bool Decays)> parameters, double learningRate, double momentum, double weightDecay, GradientClipping clipping)
    : StepOptimizer(parameters, learningRate, weightDecay, clipping, slotsPerParameter: momentum > 0 ? 1 : 0)
{
    private protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots, long iteration, TorchScalars scalars)
    {
        if (momentum > 0)
        {
            slots[0].mul_(scalars.Of(momentum)).add_(gradient);
            parameter.add_(slots[0], alpha: scalars.Of(-LearningRate));
        }
        else
        {
            parameter.add_(gradient, alpha: scalars.Of(-LearningRate));
        }
    }
}
