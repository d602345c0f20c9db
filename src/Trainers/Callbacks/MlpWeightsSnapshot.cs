using MlNetMlp.Scoring.Layers;

namespace MlNetMlp.Callbacks;

/// <summary>A copy of every weight of the network at one moment of training, to restore later (<see cref="MlpTrainingContext.RestoreWeights"/>).</summary>
public sealed class MlpWeightsSnapshot
{
    internal MlpWeightsSnapshot(int epoch, IReadOnlyList<LayerWeights> weights)
    {
        Epoch = epoch;
        Weights = weights;
    }

    /// <summary>The epoch whose weights these are (0 before the first).</summary>
    public int Epoch { get; }

    internal IReadOnlyList<LayerWeights> Weights { get; }
}
