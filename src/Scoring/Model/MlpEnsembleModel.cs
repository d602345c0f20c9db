namespace MlNetMlp;

/// <summary>
/// The networks of a deep ensemble (<see cref="MlpEnsembleTransformer"/>): as many complete MLPs of the same shape,
/// trained from different seeds, whose outputs the transformer averages.
/// </summary>
public sealed class MlpEnsembleModel
{
    internal MlpEnsembleModel(IReadOnlyList<MlpModel> members) => Members = members;

    /// <summary>The members, each a complete network, in the order they were trained.</summary>
    public IReadOnlyList<MlpModel> Members { get; }

    /// <summary>The task the members were trained for.</summary>
    public MlpTask Task => Members[0].Task;

    /// <summary>Width of the feature vector.</summary>
    public int InputSize => Members[0].InputSize;

    /// <summary>Trainable parameters of all members together.</summary>
    public long ParameterCount => Members.Sum(member => member.ParameterCount);
}
