using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Data;

namespace MlNetMlp.Trainers;

/// <summary>
/// The feature, label and weight columns of training data, checked against what the trainer can use, with the
/// task the label implies. Errors name the column, what was expected and what was found.
/// </summary>
internal sealed class TrainingColumns
{
    public const string FeatureExpectation = "a known-size vector of Single";
    public const string LabelExpectation = "a Key<UInt32>, Boolean, Single, Double or known-size vector of Single label";
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

    /// <summary>Key count or vector size; 1 for scalar labels.</summary>
    public int LabelWidth { get; }

    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>The columns of <paramref name="schema"/> named by <paramref name="options"/>, checked.</summary>
    public static TrainingColumns Bind(DataViewSchema schema, MlpOptions options)
    {
        var features = ColumnRequirements.Find(schema, options.FeatureColumnName, FeatureExpectation);
        if (features.Type is not VectorDataViewType { ItemType: NumberDataViewType } featureType || featureType.ItemType != NumberDataViewType.Single || !featureType.IsKnownSize || featureType.Dimensions.Length != 1)
        {
            throw new SchemaMismatchException(options.FeatureColumnName, FeatureExpectation, Describe(features.Type));
        }

        var label = ColumnRequirements.Find(schema, options.LabelColumnName, LabelExpectation);
        var (kind, width, classNames) = label.Type switch
        {
            KeyDataViewType key when key.RawType == typeof(uint) && key.Count is > 0 and <= int.MaxValue => (LabelKind.Key, (int)key.Count, ClassNameAnnotations.Read(label, ClassNameAnnotations.KeyValues)),
            BooleanDataViewType => (LabelKind.Boolean, 1, null),
            NumberDataViewType n when n == NumberDataViewType.Single || n == NumberDataViewType.Double => (LabelKind.Number, 1, null),
            VectorDataViewType v when v.ItemType == NumberDataViewType.Single && v.IsKnownSize => (LabelKind.Vector, v.Size, ClassNameAnnotations.Read(label, ClassNameAnnotations.SlotNames)),
            _ => throw new SchemaMismatchException(options.LabelColumnName, LabelExpectation, Describe(label.Type)),
        };

        DataViewSchema.Column? weight = null;
        if (options.ExampleWeightColumnName is { } weightName)
        {
            weight = ColumnRequirements.Find(schema, weightName, WeightExpectation);
            if (weight.Value.Type != NumberDataViewType.Single)
            {
                throw new SchemaMismatchException(weightName, WeightExpectation, Describe(weight.Value.Type));
            }
        }

        return new TrainingColumns(features, label, weight, kind, width, classNames);
    }

    /// <summary>The task the label implies under <paramref name="requested"/>; null when a vector label under Auto must be decided from its values.</summary>
    public MlpTask? ResolveTask(MlpTask requested, string labelColumnName)
    {
        var fits = requested switch
        {
            MlpTask.Auto => true,
            MlpTask.MulticlassClassification => LabelKind is LabelKind.Key or LabelKind.Vector,
            MlpTask.BinaryClassification => LabelKind is LabelKind.Boolean or LabelKind.Number,
            MlpTask.MultilabelClassification => LabelKind is LabelKind.Vector,
            _ => LabelKind is LabelKind.Number or LabelKind.Vector,
        };
        if (!fits)
        {
            throw new SchemaMismatchException(labelColumnName, $"a label that {requested} can use ({Allowed(requested)})", $"{Describe(Label.Type)}");
        }

        return requested != MlpTask.Auto ? requested : LabelKind switch
        {
            LabelKind.Key => MlpTask.MulticlassClassification,
            LabelKind.Boolean => MlpTask.BinaryClassification,
            LabelKind.Number => MlpTask.Regression,
            _ => null,
        };
    }

    public static string Allowed(MlpTask task) => task switch
    {
        MlpTask.MulticlassClassification => "Key<UInt32> or a one-hot vector of Single",
        MlpTask.BinaryClassification => "Boolean, or Single/Double holding 0 and 1",
        MlpTask.MultilabelClassification => "a known-size vector of Single holding 0 and 1",
        _ => "Single, Double or a known-size vector of Single",
    };

    public static string Describe(DataViewType type) => type is VectorDataViewType { IsKnownSize: false } vector ? $"{vector} of unknown size" : type.ToString() ?? "?";
}
