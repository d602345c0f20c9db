using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Optimizers;

/// <summary>
/// Adam (Kingma and Ba), and with decoupled weight decay AdamW (Loshchilov and Hutter), as PyTorch computes them:
/// m = β1·m + (1 - β1)·g, v = β2·v + (1 - β2)·g², w -= lr/(1 - β1^t) · m / (sqrt(v)/sqrt(1 - β2^t) + ε); with AMSGrad
/// the largest v so far takes v's place.
/// </summary>
internal sealed class AdamOptimizer(IReadOnlyList<(Tensor Parameter, bool Decays)> parameters, double learningRate, double beta1, double beta2, double epsilon, bool amsgrad,
    double weightDecay, GradientClipping clipping)
    : StepOptimizer(parameters, learningRate, weightDecay, clipping, slotsPerParameter: amsgrad ? 3 : 2)
{
    private protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots, long iteration, TorchScalars scalars)
    {
        var (average, squareAverage) = (slots[0], slots[1]);
        average.mul_(scalars.Of(beta1)).add_(gradient, alpha: scalars.Of(1 - beta1));
        squareAverage.mul_(scalars.Of(beta2)).addcmul_(gradient, gradient, value: scalars.Of(1 - beta2));
        var stepSize = LearningRate / (1 - Math.Pow(beta1, iteration));
        var correction = Math.Sqrt(1 - Math.Pow(beta2, iteration));
        if (amsgrad)
        {
            slots[2].copy_(torch.maximum(slots[2], squareAverage));
            squareAverage = slots[2];
        }

        parameter.addcdiv_(average, (squareAverage.sqrt() / scalars.Of(correction)).add_(scalars.Of(epsilon)), value: scalars.Of(-stepSize));
    }
}
