using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Data;

namespace MlNetMlp.Trainers;

/// <summary>
/// The prediction columns the trainer promises from the shape of the training data, before any data is read.
/// A vector label under <see cref="MlpTask.Auto"/> is assumed one-hot (multiclass); set the task to promise the
/// multilabel or regression columns instead.
/// </summary>
internal static class MlpOutputShape
{
    public static SchemaShape Of(SchemaShape input, MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        var features = ColumnRequirements.Find(input, options.FeatureColumnName, TrainingColumns.FeatureExpectation);
        if (features.Kind != SchemaShape.Column.VectorKind.Vector || features.IsKey || features.ItemType != NumberDataViewType.Single)
        {
            throw new SchemaMismatchException(options.FeatureColumnName, TrainingColumns.FeatureExpectation, ColumnRequirements.Describe(features));
        }

        var label = ColumnRequirements.Find(input, options.LabelColumnName, TrainingColumns.LabelExpectation);
        var task = options.Task != MlpTask.Auto ? options.Task : label switch
        {
            { IsKey: true } => MlpTask.MulticlassClassification,
            { Kind: SchemaShape.Column.VectorKind.Vector } => MlpTask.MulticlassClassification,
            { ItemType: BooleanDataViewType } => MlpTask.BinaryClassification,
            _ => MlpTask.Regression,
        };
        var single = NumberDataViewType.Single;
        var scalar = SchemaShape.Column.VectorKind.Scalar;
        var vector = SchemaShape.Column.VectorKind.Vector;
        SchemaShape.Column[] added = task switch
        {
            MlpTask.MulticlassClassification =>
            [
                ColumnRequirements.Shape(MlpTransformer.ScoreColumnName, vector, single, isKey: false),
                ColumnRequirements.Shape(MlpTransformer.PredictedLabelColumnName, scalar, NumberDataViewType.UInt32, isKey: true, label.IsKey ? label.Annotations : null),
            ],
            MlpTask.BinaryClassification =>
            [
                ColumnRequirements.Shape(MlpTransformer.ScoreColumnName, scalar, single, isKey: false),
                ColumnRequirements.Shape(MlpTransformer.ProbabilityColumnName, scalar, single, isKey: false),
                ColumnRequirements.Shape(MlpTransformer.PredictedLabelColumnName, scalar, BooleanDataViewType.Instance, isKey: false),
            ],
            MlpTask.MultilabelClassification =>
            [
                ColumnRequirements.Shape(MlpTransformer.ScoreColumnName, vector, single, isKey: false),
                ColumnRequirements.Shape(MlpTransformer.PredictedLabelColumnName, vector, BooleanDataViewType.Instance, isKey: false),
            ],
            _ => [ColumnRequirements.Shape(MlpTransformer.ScoreColumnName, label.Kind == vector ? vector : scalar, single, isKey: false)],
        };
        return ColumnRequirements.With(input, added);
    }
}
