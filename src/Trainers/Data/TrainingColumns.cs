using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Data;
using MlNetMlp.Scoring.Tasks;

namespace MlNetMlp.Trainers.Data;

/// <summary>
/// The feature, label and weight columns of training data, checked against what the trainer can use, with the label's
/// kind, width and class names. Errors name the column, what was expected and what was found.
/// </summary>
internal sealed class TrainingColumns
{
    public const string FeatureExpectation = "a known-size vector of Single";
    public const string WeightExpectation = "a Single example weight";

    private TrainingColumns(DataViewSchema.Column features, DataViewSchema.Column label, DataViewSchema.Column? weight, LabelKind labelKind, int labelWidth, IReadOnlyList<string>? classNames)
    {
        Features = features;
        Label = label;
        Weight = weight;
        LabelKind = labelKind;
        LabelWidth = labelWidth;
        ClassNames = classNames;
        FeatureCount = ((VectorDataViewType)features.Type).Size;
    }

    public DataViewSchema.Column Features { get; }

    public DataViewSchema.Column Label { get; }

    public DataViewSchema.Column? Weight { get; }

    public int FeatureCount { get; }

    public LabelKind LabelKind { get; }

    /// <summary>Key count or vector size; 1 for scalar labels. It is also the number of output units.</summary>
    public int LabelWidth { get; }

    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>The columns of <paramref name="schema"/> named by <paramref name="options"/>, checked.</summary>
    public static TrainingColumns Bind(DataViewSchema schema, MlpOptions options)
    {
        var features = ColumnRequirements.Find(schema, options.FeatureColumnName, FeatureExpectation);
        if (features.Type is not VectorDataViewType { IsKnownSize: true, Dimensions.Length: 1 } featureType || featureType.ItemType != NumberDataViewType.Single)
        {
            throw new SchemaMismatchException(options.FeatureColumnName, FeatureExpectation, ColumnRequirements.Describe(features.Type));
        }

        var label = ColumnRequirements.Find(schema, options.LabelColumnName, TaskDecision.LabelExpectation);
        var kind = TaskDecision.KindOf(label.Type)
            ?? throw new SchemaMismatchException(options.LabelColumnName, TaskDecision.LabelExpectation, ColumnRequirements.Describe(label.Type));
        var (width, classNames) = label.Type switch
        {
            KeyDataViewType key => ((int)key.Count, ClassNameAnnotations.Read(label, ClassNameAnnotations.KeyValues)),
            VectorDataViewType vector => (vector.Size, ClassNameAnnotations.Read(label, ClassNameAnnotations.SlotNames)),
            _ => (1, null),
        };

        DataViewSchema.Column? weight = null;
        if (options.ExampleWeightColumnName is { } weightName)
        {
            weight = ColumnRequirements.Find(schema, weightName, WeightExpectation);
            if (weight.Value.Type != NumberDataViewType.Single)
            {
                throw new SchemaMismatchException(weightName, WeightExpectation, ColumnRequirements.Describe(weight.Value.Type));
            }
        }

        return new TrainingColumns(features, label, weight, kind, width, classNames);
    }

    /// <summary>The task for this label under <paramref name="requested"/>, decided from the label's type as <c>GetOutputSchema</c> decides it.</summary>
    public TaskDefinition DecideTask(MlpTask requested) =>
        TaskDecision.Decide(requested, LabelKind, Label.Name, ColumnRequirements.Describe(Label.Type));
}
