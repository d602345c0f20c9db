namespace MlNetMlp.Trainers;

/// <summary>
/// How the label maps to network outputs and prediction columns: the resolved task, the number of output units,
/// and the class names that label <c>PredictedLabel</c> (from the label key's KeyValues or the one-hot vector's SlotNames).
/// </summary>
internal sealed record LabelLayout(MlpTask Task, LabelKind Kind, int OutputUnits, IReadOnlyList<string>? ClassNames)
{
    /// <summary>Whether regression predicts a vector (a vector label) rather than one value.</summary>
    public bool VectorScore => Task is MlpTask.MulticlassClassification or MlpTask.MultilabelClassification || (Task == MlpTask.Regression && Kind == LabelKind.Vector);
}
