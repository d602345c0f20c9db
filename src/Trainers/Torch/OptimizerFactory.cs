using TorchSharp;
using TorchSharp.Modules;

namespace MlNetMlp.Trainers.Torch;

/// <summary>Builds the optimizer an <see cref="MlpOptimizer"/> names, with Keras's constants.</summary>
internal static class OptimizerFactory
{
    public const double Rho = MlpOptions.Defaults.Rho;
    public const double Epsilon = MlpOptions.Defaults.Epsilon;

    public static IStepOptimizer Create(MlpOptimizer kind, IReadOnlyList<Parameter> parameters, double learningRate, double momentum) => kind switch
    {
        MlpOptimizer.RmsProp => new KerasRmsProp(parameters, learningRate, Rho, Epsilon),
        MlpOptimizer.Adam => new TorchOptimizer(torch.optim.Adam(parameters, learningRate, beta1: 0.9, beta2: 0.999, eps: Epsilon)),
        MlpOptimizer.Sgd => new TorchOptimizer(torch.optim.SGD(parameters, learningRate, momentum: momentum)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), $"Unknown optimizer. Received: optimizer={kind}"),
    };
}
