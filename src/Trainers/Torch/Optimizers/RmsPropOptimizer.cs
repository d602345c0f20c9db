using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Optimizers;

/// <summary>
/// RMSprop exactly as Keras updates: v = ρ·v + (1 - ρ)·g², w -= lr·g / sqrt(v + ε). PyTorch's RMSprop divides by
/// sqrt(v) + ε instead, which for gradients near zero takes steps up to ~1/sqrt(ε) times larger than Keras's.
/// </summary>
internal sealed class RmsPropOptimizer(IReadOnlyList<(Tensor Parameter, bool Decays)> parameters, double learningRate, double rho, double epsilon, double weightDecay, GradientClipping clipping)
    : StepOptimizer(parameters, learningRate, weightDecay, clipping, slotsPerParameter: 1)
{
    private protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots, long iteration, TorchScalars scalars)
    {
        var squareAverage = slots[0];
        squareAverage.mul_(scalars.Of(rho)).addcmul_(gradient, gradient, value: scalars.Of(1 - rho));
        parameter.addcdiv_(gradient, (squareAverage + scalars.Of(epsilon)).sqrt_(), value: scalars.Of(-LearningRate));
    }
}
