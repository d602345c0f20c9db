using TorchSharp;

namespace MlNetMlp.Trainers.Torch;

/// <summary>One of torch's own optimizers (Adam, SGD) behind <see cref="IStepOptimizer"/>.</summary>
internal sealed class TorchOptimizer(torch.optim.Optimizer optimizer) : IStepOptimizer
{
    public void ZeroGrad() => optimizer.zero_grad();

    public void Step() => optimizer.step();

    public void Dispose() => optimizer.Dispose();
}
