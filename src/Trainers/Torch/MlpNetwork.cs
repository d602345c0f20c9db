using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Trainers.Torch.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>
/// The multilayer perceptron in torch, for training: each hidden layer's module (<see cref="LayerModules"/>) in run
/// order, then a linear output layer. The output activation is not part of <see cref="forward"/>: the loss works on
/// the raw outputs (softmax and sigmoid losses are computed from logits for stability). Trained weights leave through
/// <see cref="ExportWeights"/> into the scoring model, which predicts without torch.
/// </summary>
internal sealed class MlpNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<LayerModule> layers;
    private readonly Generator _generator;

    /// <summary>Builds the network with kernels drawn by <paramref name="initializer"/> from a generator seeded with <paramref name="seed"/>, which dropout and noise then keep drawing from.</summary>
    public MlpNetwork(NetworkArchitecture architecture, MlpKernelInitializer initializer, long seed)
        : base(nameof(MlpNetwork))
    {
        Architecture = architecture;
        _generator = new Generator((ulong)seed);
        layers = new ModuleList<LayerModule>();
        foreach (var (layer, inputs) in architecture.LayersWithInputs())
        {
            layers.Add(LayerModules.Create(layer, new LayerBuild(inputs, _generator, initializer)));
        }

        RegisterComponents();
    }

    public NetworkArchitecture Architecture { get; }

    /// <summary>The layers in run order, the output layer last.</summary>
    public IReadOnlyList<LayerModule> Layers => [.. layers];

    /// <summary>
    /// The parameters the optimizer updates, those of trainable layers (frozen ones take no gradient), each with whether
    /// weight decay applies to it: kernels only, as Keras and the AdamW paper exclude biases and normalization weights,
    /// unless <paramref name="decayEveryWeight"/>.
    /// </summary>
    public IReadOnlyList<(Tensor Parameter, bool Decays)> OptimizedParameters(bool decayEveryWeight)
    {
        var decayed = layers.SelectMany(layer => layer.DecayedParameters()).ToHashSet(ReferenceEqualityComparer.Instance);
        return [.. parameters().Where(parameter => parameter.requires_grad).Select(parameter => ((Tensor)parameter, decayEveryWeight || decayed.Contains(parameter)))];
    }

    /// <summary>The state of the generator dropout and noise draw from, to resume a run exactly.</summary>
    public byte[] GeneratorState()
    {
        using var state = _generator.get_state();
        return state.bytes.ToArray();
    }

    /// <summary>Sets the generator to a state <see cref="GeneratorState"/> returned.</summary>
    public void SetGeneratorState(byte[] state)
    {
        using var tensor = torch.tensor(state, dtype: ScalarType.Byte);
        _generator.set_state(tensor);
    }

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

    /// <summary>The sum of every layer's penalty as a scalar, or null when no layer has one (no work per batch then).</summary>
    public Tensor? Penalty()
    {
        Tensor? total = null;
        foreach (var layer in layers)
        {
            if (layer.Penalty() is { } penalty)
            {
                total = total is null ? penalty : total + penalty;
            }
        }

        return total;
    }

    /// <summary>A copy of every layer's weights by name, in the scoring model's layout (Keras's).</summary>
    public IReadOnlyList<LayerWeights> ExportWeights() => [.. layers.Select(layer => layer.Export())];

    /// <summary>Overwrites every layer's weights; names and shapes must match the architecture.</summary>
    public void ImportWeights(IReadOnlyList<LayerWeights> weights)
    {
        if (weights.Count != layers.Count)
        {
            throw new ArgumentException($"Expected weights for {layers.Count} layers (the output layer included). Received: {weights.Count}", nameof(weights));
        }

        for (var i = 0; i < weights.Count; i++)
        {
            ImportLayer(i, weights[i]);
        }
    }

    /// <summary>Overwrites layer <paramref name="index"/>'s weights (0 is the first hidden layer); the message names the layer when they do not fit.</summary>
    public void ImportLayer(int index, LayerWeights weights)
    {
        try
        {
            layers[index].Import(weights);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Layer {index} {e.Message}", nameof(weights), e);
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
