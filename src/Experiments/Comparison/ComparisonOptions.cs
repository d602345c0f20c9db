namespace MlNetMlp.Experiments;

/// <summary>How a <see cref="ComparisonStudy"/> shapes its MLPs and which baselines it adds.</summary>
public sealed class ComparisonOptions
{
    /// <summary>
    /// Fresh options of the MLP for each run; when null, the data set's course network with
    /// <see cref="MlpCandidate.DefaultValidationFraction"/>. Beside it runs the same network regularized (<c>RegularizedMlp.Apply</c>).
    /// </summary>
    public Func<MlpOptions>? Network { get; init; }

    /// <summary>Receives each MLP epoch's figures, with the MLP's name, as training goes.</summary>
    public Action<string, MlpEpoch>? EpochCompleted { get; init; }

    /// <summary>Whether to add the data set's optional baselines (IMDb: ML.NET's pretrained transformer text classifier, which downloads weights and needs hours of CPU).</summary>
    public bool WithOptionalBaselines { get; init; }
}
