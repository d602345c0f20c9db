using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Layers;

/// <summary>
/// <see cref="DenseLayer"/> in torch: activation(x·Wᵀ + b) with torch's <c>Linear</c> (kernel held as units × inputs,
/// exported in Keras's inputs × units), the kernel drawn by the layer's initializer from the network's generator, and
/// the layer's L1/L2 kernel penalty.
/// </summary>
internal sealed class DenseModule : LayerModule<DenseLayer>
{
    private readonly Linear linear;

    public DenseModule(DenseLayer layer, LayerBuild build)
        : base(layer, build)
    {
        linear = nn.Linear(build.Inputs, layer.Units);
        RegisterComponents();
        KernelInitialization.Initialize(layer.InitializerIn(build.KernelInitializer), Kernel, Bias, build.Generator);
        FreezeUnlessTrainable();
    }

    /// <summary>The kernel in torch layout (units × inputs).</summary>
    public Tensor Kernel => linear.weight!;

    /// <summary>The bias (units).</summary>
    public Tensor Bias => linear.bias!;

    public override Tensor forward(Tensor input) => Activations.Apply(Layer.Activation, linear.forward(input));

    /// <summary>λ1·Σ|w| + λ2·Σw² over the kernel (never the bias), as Keras's kernel_regularizer; null when the layer has none. Its scalars are disposed (<see cref="TorchScalars"/>).</summary>
    public override Tensor? Penalty()
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

    /// <summary>The kernel, which weight decay shrinks (the bias it leaves).</summary>
    public override IEnumerable<Parameter> DecayedParameters() => [linear.weight!];

    /// <summary>The kernel as Keras holds it (a transposed view of torch's), then the bias.</summary>
    protected override IEnumerable<Tensor> WeightTensors() => [Kernel.t(), Bias];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            linear.Dispose();
        }

        base.Dispose(disposing);
    }
}
