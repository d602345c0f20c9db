using MlNetMlp.Scoring.Layers;

namespace MlNetMlp.Scoring.Network;

/// <summary>
/// What a network is built from, and all that inference needs besides the weights: input width, hidden layers,
/// output units with their activation, and the loss it was trained with. Activation and loss are resolved (never Auto).
/// </summary>
internal sealed record NetworkArchitecture(int InputSize, IReadOnlyList<MlpLayer> HiddenLayers, int OutputUnits, MlpActivation OutputActivation, MlpLoss Loss)
{
    /// <summary>The output layer: linear in the network (the output activation is applied by the loss and at prediction).</summary>
    public MlpLayer OutputLayer => MlpLayer.Dense(OutputUnits, MlpActivation.Linear);

    /// <summary>Every layer in run order, the output layer last.</summary>
    public IEnumerable<MlpLayer> Layers => HiddenLayers.Append(OutputLayer);

    /// <summary>Every layer in run order with the width of its input, the output layer last.</summary>
    public IEnumerable<(MlpLayer Layer, int Inputs)> LayersWithInputs()
    {
        var width = InputSize;
        foreach (var layer in Layers)
        {
            yield return (layer, width);
            width = layer.OutputWidth(width);
        }
    }

    /// <summary>The weights every layer holds, by name and shape, in run order.</summary>
    public IReadOnlyList<IReadOnlyList<LayerWeight>> WeightSpecs() => [.. LayersWithInputs().Select(entry => entry.Layer.WeightsFor(entry.Inputs))];

    /// <summary>The widest vector a forward pass holds: the input or a layer's output.</summary>
    public int WidestVector => LayersWithInputs().Max(entry => Math.Max(entry.Inputs, entry.Layer.OutputWidth(entry.Inputs)));

    /// <summary>Whether some layer is random in training, so that Monte Carlo passes differ.</summary>
    public bool IsStochastic => HiddenLayers.Any(layer => layer.IsStochastic);
}
