using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Scoring.Tasks;

/// <summary>
/// Decides the task from the label column's type alone (never from its values), so the schema <c>GetOutputSchema</c>
/// promises is the one <c>Fit</c> produces: a key means multiclass, Boolean binary, Single or Double regression, a
/// vector of Single multiclass (one-hot rows). Multilabel (a multi-hot vector) and vector regression are asked for
/// explicitly. An explicit task must fit the label's type; the values are then checked row by row against the task
/// while training reads them.
/// </summary>
internal static class TaskDecision
{
    /// <summary>What a label column may hold, for messages.</summary>
    public const string LabelExpectation = "a Key<UInt32>, Boolean, Single, Double or known-size vector of Single label";

    /// <summary>The kind of a label of <paramref name="type"/>, or null when no task can learn from it.</summary>
    public static LabelKind? KindOf(DataViewType type) => type switch
    {
        KeyDataViewType key when key.RawType == typeof(uint) && key.Count is > 0 and <= int.MaxValue => LabelKind.Key,
        BooleanDataViewType => LabelKind.Boolean,
        NumberDataViewType number when number == NumberDataViewType.Single || number == NumberDataViewType.Double => LabelKind.Number,
        VectorDataViewType { IsKnownSize: true, Dimensions.Length: 1 } vector when vector.ItemType == NumberDataViewType.Single => LabelKind.Vector,
        _ => null,
    };

    /// <summary>The kind of a label promised by a schema shape, or null when no task can learn from it.</summary>
    public static LabelKind? KindOf(SchemaShape.Column column) => column switch
    {
        { IsKey: true, Kind: SchemaShape.Column.VectorKind.Scalar } when column.ItemType.RawType == typeof(uint) => LabelKind.Key,
        { IsKey: true } => null,
        { Kind: SchemaShape.Column.VectorKind.Scalar, ItemType: BooleanDataViewType } => LabelKind.Boolean,
        { Kind: SchemaShape.Column.VectorKind.Scalar } when column.ItemType == NumberDataViewType.Single || column.ItemType == NumberDataViewType.Double => LabelKind.Number,
        { Kind: SchemaShape.Column.VectorKind.Vector } when column.ItemType == NumberDataViewType.Single => LabelKind.Vector,
        _ => null,
    };

    /// <summary>
    /// The task for a label of <paramref name="kind"/>: the one its type implies under Auto, else
    /// <paramref name="requested"/>, which must fit the label (<see cref="SchemaMismatchException"/> otherwise).
    /// </summary>
    public static TaskDefinition Decide(MlpTask requested, LabelKind kind, string labelColumnName, string labelDescription)
    {
        if (requested == MlpTask.Auto)
        {
            return kind switch
            {
                LabelKind.Key or LabelKind.Vector => TaskDefinition.Multiclass,
                LabelKind.Boolean => TaskDefinition.Binary,
                _ => TaskDefinition.Regression,
            };
        }

        var task = TaskDefinition.Of(requested);
        return task.Accepts(kind)
            ? task
            : throw new SchemaMismatchException(labelColumnName, $"a label that {requested} can use ({task.AcceptedLabels})", labelDescription);
    }
}
