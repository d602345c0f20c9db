using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Optimizers;

/// <summary>
/// Nadam (Dozat, 2016), Adam with Nesterov momentum, as PyTorch's NAdam and Keras's Nadam compute it: the momentum
/// schedule μ_t = β1·(1 - ½·0.96^(0.004·t)), its running product, and the step
/// w -= lr·(1 - μ_t)/(1 - Πμ)·g/d + lr·μ_{t+1}/(1 - Πμ·μ_{t+1})·m/d with d = sqrt(v/(1 - β2^t)) + ε.
/// </summary>
internal sealed class NadamOptimizer(IReadOnlyList<(Tensor Parameter, bool Decays)> parameters, double learningRate, double beta1, double beta2, double epsilon,
    double weightDecay, GradientClipping clipping)
    : StepOptimizer(parameters, learningRate, weightDecay, clipping, slotsPerParameter: 2)
{
    private const double MomentumDecay = 0.004;

    private double _momentumProduct = 1;
    private double _momentum;
    private double _nextMomentum;

    private protected override void BeginStep(long iteration)
    {
        _momentum = Momentum(iteration);
        _nextMomentum = Momentum(iteration + 1);
        _momentumProduct *= _momentum;
    }

    private protected override void Update(Tensor parameter, Tensor gradient, Tensor[] slots, long iteration, TorchScalars scalars)
    {
        var (average, squareAverage) = (slots[0], slots[1]);
        average.mul_(scalars.Of(beta1)).add_(gradient, alpha: scalars.Of(1 - beta1));
        squareAverage.mul_(scalars.Of(beta2)).addcmul_(gradient, gradient, value: scalars.Of(1 - beta2));
        var denominator = squareAverage.div(scalars.Of(1 - Math.Pow(beta2, iteration))).sqrt().add_(scalars.Of(epsilon));
        parameter.addcdiv_(gradient, denominator, value: scalars.Of(-LearningRate * (1 - _momentum) / (1 - _momentumProduct)));
        parameter.addcdiv_(average, denominator, value: scalars.Of(-LearningRate * _nextMomentum / (1 - _momentumProduct * _nextMomentum)));
    }

    private protected override IReadOnlyList<double> SaveScalars() => [_momentumProduct];

    private protected override void LoadScalars(IReadOnlyList<double> scalars) => _momentumProduct = scalars[0];

    private double Momentum(long iteration) => beta1 * (1 - 0.5 * Math.Pow(0.96, iteration * MomentumDecay));
}
