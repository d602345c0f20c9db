using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// RMSprop exactly as Keras updates: v = ρ·v + (1 - ρ)·g², w -= lr·g / sqrt(v + ε). PyTorch's RMSprop divides by
/// sqrt(v) + ε instead, which for gradients near zero takes steps up to ~1/sqrt(ε) times larger than Keras's.
/// Its constants are torch scalars made once (see <see cref="TorchScalars"/>).
/// </summary>
internal sealed class KerasRmsProp : IStepOptimizer
{
    private readonly IReadOnlyList<Tensor> _parameters;
    private readonly Tensor[] _squareAverages;
    private readonly TorchScalars _scalars = new();
    private readonly Scalar _rho;
    private readonly Scalar _oneMinusRho;
    private readonly Scalar _epsilon;
    private readonly Scalar _minusLearningRate;

    public KerasRmsProp(IEnumerable<Tensor> parameters, double learningRate, double rho, double epsilon)
    {
        _parameters = parameters.ToList();
        _rho = _scalars.Of(rho);
        _oneMinusRho = _scalars.Of(1 - rho);
        _epsilon = _scalars.Of(epsilon);
        _minusLearningRate = _scalars.Of(-learningRate);
        using var noGrad = torch.no_grad();
        _squareAverages = _parameters.Select(p => torch.zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            parameter.grad?.zero_();
        }
    }

    public void Step()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (_parameters[i].grad is not { } gradient)
            {
                continue;
            }

            _squareAverages[i].mul_(_rho).addcmul_(gradient, gradient, value: _oneMinusRho);
            _parameters[i].addcdiv_(gradient, (_squareAverages[i] + _epsilon).sqrt_(), value: _minusLearningRate);
        }
    }

    public void Dispose()
    {
        foreach (var average in _squareAverages)
        {
            average.Dispose();
        }

        _scalars.Dispose();
    }
}
