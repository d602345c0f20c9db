using MlNetMlp.Scoring.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch.Layers;

/// <summary>
/// A layer in torch, for training: built from its <see cref="MlpLayer"/> description, it holds the weights the
/// description names (<see cref="MlpLayer.WeightsFor"/>) and moves them in and out of the scoring model by those names
/// and Keras's shapes. A frozen layer (<see cref="MlpLayer.Trainable"/> false) takes no gradients. Each kind has one
/// module type, derived from <see cref="LayerModule{TLayer}"/>, which <see cref="LayerModules"/> finds by its kind.
/// </summary>
internal abstract class LayerModule : nn.Module<Tensor, Tensor>
{
    private protected LayerModule(string name, MlpLayer description, int inputs)
        : base(name)
    {
        Description = description;
        Inputs = inputs;
    }

    public MlpLayer Description { get; }

    /// <summary>The width of the layer's input.</summary>
    public int Inputs { get; }

    /// <summary>The layer's penalty on its weights as a scalar, or null when it has none.</summary>
    public virtual Tensor? Penalty() => null;

    /// <summary>The parameters weight decay applies to by default: none but a dense layer's kernel.</summary>
    public virtual IEnumerable<Parameter> DecayedParameters() => [];

    /// <summary>The layer's weights in the order and Keras shapes of <see cref="MlpLayer.WeightsFor"/>, as tensors or views of them.</summary>
    protected virtual IEnumerable<Tensor> WeightTensors() => [];

    /// <summary>A copy of the weights, for the scoring model.</summary>
    public LayerWeights Export()
    {
        var specs = Description.WeightsFor(Inputs);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return new LayerWeights(specs, [.. WeightTensors().Select(tensor =>
        {
            var values = new float[tensor.numel()];
            tensor.contiguous().cpu().data<float>().CopyTo(values);
            return values;
        })]);
    }

    /// <summary>Overwrites the weights with <paramref name="weights"/>, which must have this layer's names and shapes.</summary>
    public void Import(LayerWeights weights)
    {
        var specs = Description.WeightsFor(Inputs);
        if (!weights.Match(specs))
        {
            throw new ArgumentException($"{Description}: expected {LayerWeights.Describe(specs)}. Received: {LayerWeights.Describe(weights.Specs)}", nameof(weights));
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var (tensor, (spec, values)) in WeightTensors().Zip(weights.Specs.Zip(weights.Values)))
        {
            tensor.copy_(BatchTensor.From(values, [.. spec.Shape.Select(size => (long)size)], tensor.device));
        }
    }

    /// <summary>Stops gradients to every parameter when the description is frozen; called once the module's parameters exist.</summary>
    private protected void FreezeUnlessTrainable()
    {
        if (!Description.Trainable)
        {
            foreach (var parameter in parameters())
            {
                parameter.requires_grad = false;
            }
        }
    }
}

/// <summary>The torch module of one layer kind, <typeparamref name="TLayer"/>.</summary>
internal abstract class LayerModule<TLayer> : LayerModule
    where TLayer : MlpLayer
{
    private protected LayerModule(TLayer layer, LayerBuild build)
        : base(typeof(TLayer).Name, layer, build.Inputs)
    {
        Layer = layer;
    }

    /// <summary>The description this module was built from.</summary>
    protected TLayer Layer { get; }
}
