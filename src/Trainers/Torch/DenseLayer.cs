using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>activation(x·Wᵀ + b), with the layer's L1/L2 kernel penalty.</summary>
internal sealed class DenseLayer : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear;

    public DenseLayer(int inputs, MlpLayer layer)
        : base(nameof(DenseLayer))
    {
        Layer = layer;
        linear = nn.Linear(inputs, layer.Units);
        RegisterComponents();
    }

    public MlpLayer Layer { get; }

    /// <summary>The kernel in torch layout (units × inputs).</summary>
    public Tensor Kernel => linear.weight!;

    /// <summary>The bias (units).</summary>
    public Tensor Bias => linear.bias!;

    public override Tensor forward(Tensor input) => Activations.Apply(Layer.Activation, linear.forward(input));

    /// <summary>λ1·Σ|w| + λ2·Σw² over the kernel (never the bias), as Keras's kernel_regularizer; null when the layer has none. Its scalars are disposed (<see cref="TorchScalars"/>).</summary>
    public Tensor? Penalty()
    {
        Tensor? penalty = null;
        if (Layer.L1 > 0)
        {
            using var l1 = Layer.L1.ToScalar();
            penalty = Kernel.abs().sum() * l1;
        }

        if (Layer.L2 > 0)
        {
            using var factor = Layer.L2.ToScalar();
            var l2 = Kernel.square().sum() * factor;
            penalty = penalty is null ? l2 : penalty + l2;
        }

        return penalty;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            linear.Dispose();
        }

        base.Dispose(disposing);
    }
}
