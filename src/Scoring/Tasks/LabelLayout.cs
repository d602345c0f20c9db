namespace MlNetMlp.Scoring.Tasks;

/// <summary>
/// How the label maps to network outputs and prediction columns: the task, the label's kind, the number of output
/// units, and the class names that label <c>PredictedLabel</c> and <c>Score</c>'s slots (from the label key's
/// KeyValues or the label vector's SlotNames).
/// </summary>
internal sealed record LabelLayout(TaskDefinition Task, LabelKind Kind, int OutputUnits, IReadOnlyList<string>? ClassNames)
{
    /// <summary>The class names when there is one per output unit, else null.</summary>
    public IReadOnlyList<string>? NamesPerUnit => ClassNames is { } names && names.Count == OutputUnits ? names : null;

    /// <summary>
    /// A layout for <paramref name="model"/> saved on its own, with no label to describe: the label kind its task and
    /// output width imply, and no class names.
    /// </summary>
    public static LabelLayout ForNetwork(MlpModel model) => new(TaskDefinition.Of(model.Task), model.Task switch
    {
        MlpTask.BinaryClassification => LabelKind.Boolean,
        MlpTask.MulticlassClassification => LabelKind.Key,
        MlpTask.Regression when model.OutputSize == 1 => LabelKind.Number,
        _ => LabelKind.Vector,
    }, model.OutputSize, ClassNames: null);
}
