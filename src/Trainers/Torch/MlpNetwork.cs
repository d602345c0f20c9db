using MlNetMlp.Trainers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlNetMlp.Torch;

/// <summary>
/// The multilayer perceptron: hidden dense and dropout layers in run order, then a linear output layer. The output
/// activation is not part of <see cref="forward"/>: the loss works on the raw outputs (softmax and sigmoid losses
/// are computed from logits for stability) and <see cref="Predict"/> applies it.
/// </summary>
internal sealed class MlpNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> layers;
    private readonly DenseLayer[] _denseLayers;
    private readonly Generator _generator;

    /// <summary>Builds the network with kernels drawn by <paramref name="initializer"/> from a generator seeded with <paramref name="seed"/>, which dropout then keeps drawing from.</summary>
    public MlpNetwork(NetworkArchitecture architecture, MlpKernelInitializer initializer, long seed)
        : base(nameof(MlpNetwork))
    {
        Architecture = architecture;
        _generator = new Generator((ulong)seed);
        layers = new ModuleList<nn.Module<Tensor, Tensor>>();
        var width = architecture.InputSize;
        foreach (var layer in architecture.HiddenLayers.Append(architecture.OutputLayer))
        {
            if (layer.Kind == MlpLayerKind.Dropout)
            {
                layers.Add(new SeededDropout(layer.Rate, _generator));
                continue;
            }

            var dense = new DenseLayer(width, layer);
            KernelInitialization.Initialize(initializer, dense.Kernel, dense.Bias, _generator);
            layers.Add(dense);
            width = layer.Units;
        }

        _denseLayers = layers.OfType<DenseLayer>().ToArray();
        RegisterComponents();
    }

    public NetworkArchitecture Architecture { get; }

    /// <summary>The dense layers in run order, the output layer last.</summary>
    public IReadOnlyList<DenseLayer> DenseLayers => _denseLayers;

    /// <summary>Raw outputs (before the output activation) for a batch of rows.</summary>
    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers)
        {
            x = layer.forward(x);
        }

        return x;
    }

    /// <summary>The sum of every layer's kernel penalty as a scalar, or null when no layer has one (no work per batch then).</summary>
    public Tensor? Penalty()
    {
        Tensor? total = null;
        foreach (var layer in _denseLayers)
        {
            if (layer.Penalty() is { } penalty)
            {
                total = total is null ? penalty : total + penalty;
            }
        }

        return total;
    }

    /// <summary>
    /// Runs inference on <paramref name="rows"/> rows of <paramref name="features"/> (row-major) in eval mode without
    /// gradients; writes the raw outputs and the activated outputs (rows × output units).
    /// </summary>
    public void Predict(float[] features, int rows, float[] raw, float[] activated)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var input = BatchTensor.From(features, [rows, Architecture.InputSize], torch.CPU);
        var output = forward(input);
        output.data<float>().CopyTo(raw);
        Activations.Apply(Architecture.OutputActivation, output).data<float>().CopyTo(activated);
    }

    /// <summary>The weights of every dense layer in torch layout: kernel (units × inputs, row-major) and bias.</summary>
    public IReadOnlyList<(float[] Kernel, float[] Bias)> ExportWeights()
    {
        using var noGrad = torch.no_grad();
        return _denseLayers.Select(d => (d.Kernel.data<float>().ToArray(), d.Bias.data<float>().ToArray())).ToList();
    }

    /// <summary>Overwrites every dense layer's weights; sizes must match the architecture.</summary>
    public void ImportWeights(IReadOnlyList<(float[] Kernel, float[] Bias)> weights)
    {
        if (weights.Count != _denseLayers.Length)
        {
            throw new ArgumentException($"Expected weights for {_denseLayers.Length} dense layers. Received: {weights.Count}", nameof(weights));
        }

        using var noGrad = torch.no_grad();
        for (var i = 0; i < weights.Count; i++)
        {
            var dense = _denseLayers[i];
            var (kernel, bias) = weights[i];
            if (kernel.Length != dense.Kernel.numel() || bias.Length != dense.Bias.numel())
            {
                throw new ArgumentException(
                    $"Dense layer {i}: expected a {dense.Kernel.shape[1]}x{dense.Kernel.shape[0]} kernel and {dense.Bias.numel()} biases. " +
                    $"Received: {kernel.Length} kernel values and {bias.Length} biases", nameof(weights));
            }

            using var kernelValues = torch.tensor(kernel, dense.Kernel.shape);
            using var biasValues = torch.tensor(bias, dense.Bias.shape);
            dense.Kernel.copy_(kernelValues);
            dense.Bias.copy_(biasValues);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            layers.Dispose();
            _generator.Dispose();
        }

        base.Dispose(disposing);
    }
}
