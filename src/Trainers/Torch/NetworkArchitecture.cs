using MlNetMlp.Trainers;

namespace MlNetMlp.Torch;

/// <summary>
/// What a network is built from, and all that inference needs besides the weights: input width, hidden layers,
/// output units with their activation, and the loss. Activation and loss are resolved (never Auto).
/// </summary>
internal sealed record NetworkArchitecture(int InputSize, IReadOnlyList<MlpLayer> HiddenLayers, int OutputUnits, MlpActivation OutputActivation, MlpLoss Loss)
{
    /// <summary>The dense layers in run order, the output layer last, with their input and output widths.</summary>
    public IEnumerable<(int Inputs, MlpLayer Layer)> DenseLayers()
    {
        var width = InputSize;
        foreach (var layer in HiddenLayers.Where(l => l.Kind == MlpLayerKind.Dense))
        {
            yield return (width, layer);
            width = layer.Units;
        }

        yield return (width, OutputLayer);
    }

    /// <summary>The output layer: linear in the network (the output activation is applied by the loss and at prediction).</summary>
    public MlpLayer OutputLayer => MlpLayer.Dense(OutputUnits, MlpActivation.Linear);
}
