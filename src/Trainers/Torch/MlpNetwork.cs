using MlNetMlp.Scoring.Network;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// The multilayer perceptron in torch, for training: hidden dense and dropout layers in run order, then a linear
/// output layer. The output activation is not part of <see cref="forward"/>: the loss works on the raw outputs
/// (softmax and sigmoid losses are computed from logits for stability). Trained weights leave through
/// <see cref="ExportWeights"/> into the scoring model, which predicts without torch.
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

    /// <summary>A copy of every dense layer's weights in the scoring model's layout (kernel as inputs × units).</summary>
    public IReadOnlyList<DenseWeights> ExportWeights()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return _denseLayers.Select(dense =>
        {
            var (units, inputs) = ((int)dense.Kernel.shape[0], (int)dense.Kernel.shape[1]);
            var kernel = new float[inputs * units];
            var bias = new float[units];
            dense.Kernel.t().contiguous().cpu().data<float>().CopyTo(kernel);
            dense.Bias.cpu().data<float>().CopyTo(bias);
            return new DenseWeights(inputs, units, kernel, bias);
        }).ToList();
    }

    /// <summary>Overwrites every dense layer's weights (kernels as inputs × units); sizes must match the architecture.</summary>
    public void ImportWeights(IReadOnlyList<DenseWeights> weights)
    {
        if (weights.Count != _denseLayers.Length)
        {
            throw new ArgumentException($"Expected weights for {_denseLayers.Length} dense layers. Received: {weights.Count}", nameof(weights));
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        for (var i = 0; i < weights.Count; i++)
        {
            var dense = _denseLayers[i];
            var layer = weights[i];
            if (layer.Units != dense.Kernel.shape[0] || layer.Inputs != dense.Kernel.shape[1])
            {
                throw new ArgumentException(
                    $"Dense layer {i}: expected a {dense.Kernel.shape[1]}x{dense.Kernel.shape[0]} kernel and {dense.Bias.numel()} biases. " +
                    $"Received: {layer.Kernel.Length} kernel values and {layer.Bias.Length} biases", nameof(weights));
            }

            dense.Kernel.copy_(BatchTensor.From(layer.Kernel, [layer.Inputs, layer.Units], dense.Kernel.device).t());
            dense.Bias.copy_(BatchTensor.From(layer.Bias, [layer.Units], dense.Bias.device));
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
