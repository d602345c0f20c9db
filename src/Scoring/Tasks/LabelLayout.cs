namespace MlNetMlp.Tasks;

/// <summary>
/// How the label maps to network outputs and prediction columns: the task, the label's kind, the number of output
/// units, and the class names that label <c>PredictedLabel</c> and <c>Score</c>'s slots (from the label key's
/// KeyValues or the label vector's SlotNames).
/// </summary>
internal sealed record LabelLayout(TaskDefinition Task, LabelKind Kind, int OutputUnits, IReadOnlyList<string>? ClassNames)
{
    /// <summary>The class names when there is one per output unit, else null.</summary>
    public IReadOnlyList<string>? NamesPerUnit => ClassNames is { } names && names.Count == OutputUnits ? names : null;
}
