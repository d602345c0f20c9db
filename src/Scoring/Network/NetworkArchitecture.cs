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

    /// <summary>The dense layers in run order, the output layer last, with their input widths.</summary>
    public IEnumerable<(int Inputs, MlpLayer Layer)> DenseLayers()
    {
        var width = InputSize;
        foreach (var layer in Layers.Where(l => l.Kind == MlpLayerKind.Dense))
        {
            yield return (width, layer);
            width = layer.Units;
        }
    }

    /// <summary>The widest vector a forward pass holds between layers.</summary>
    public int WidestLayer => DenseLayers().Max(d => d.Layer.Units);
}
