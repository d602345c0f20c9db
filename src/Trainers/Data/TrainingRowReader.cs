using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Scoring.Tasks;

namespace MlNetMlp.Trainers.Data;

/// <summary>
/// Reads the current row of a cursor as network input: the features (checked finite), the target row the loss
/// compares against (a key becomes a one-hot row here, through <see cref="KeyIndex"/>; every target row is checked
/// against the task), and the example weight. Errors name the column, the row (of the validation data when it is
/// that) and what was found.
/// </summary>
internal sealed class TrainingRowReader
{
    private readonly DataViewRowCursor _cursor;
    private readonly TrainingColumns _columns;
    private readonly TaskDefinition _task;
    private readonly string _where;
    private readonly ValueGetter<VBuffer<float>> _features;
    private readonly ValueGetter<float>? _weight;
    private readonly Action<Span<float>> _readTargets;
    private VBuffer<float> _featureValues;
    private VBuffer<float> _labelValues;

    /// <summary>Reads rows of <paramref name="cursor"/>; errors in validation data say so (<paramref name="isValidation"/>).</summary>
    public TrainingRowReader(DataViewRowCursor cursor, TrainingColumns columns, TaskDefinition task, bool isValidation)
    {
        _cursor = cursor;
        _columns = columns;
        _task = task;
        _where = isValidation ? " of the validation data" : "";
        _features = cursor.GetGetter<VBuffer<float>>(columns.Features);
        _weight = columns.Weight is { } weight ? cursor.GetGetter<float>(weight) : null;
        _readTargets = TargetReader();
    }

    /// <summary>The columns a cursor for this reader must have active.</summary>
    public static IEnumerable<DataViewSchema.Column> ColumnsNeeded(TrainingColumns columns) =>
        columns.Weight is { } weight ? [columns.Features, columns.Label, weight] : [columns.Features, columns.Label];

    /// <summary>The current row's features, dense or sparse as the source holds them; NaN or infinity throws.</summary>
    public ref readonly VBuffer<float> ReadFeatures()
    {
        _features(ref _featureValues);
        var values = _featureValues.GetValues();
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                var slot = _featureValues.IsDense ? i : _featureValues.GetIndices()[i];
                throw new InvalidOperationException(
                    $"Column '{_columns.Features.Name}', row {_cursor.Position}{_where}, slot {slot}: expected finite feature values, found {values[i].ToString(CultureInfo.InvariantCulture)}. " +
                    "Replace missing values first, e.g. with mlContext.Transforms.ReplaceMissingValues.");
            }
        }

        return ref _featureValues;
    }

    /// <summary>The current row's features, densified into <paramref name="destination"/>.</summary>
    public void ReadFeatures(Span<float> destination)
    {
        ref readonly var features = ref ReadFeatures();
        features.CopyTo(destination);
    }

    /// <summary>Writes the current row's target (output-width floats) into <paramref name="destination"/>, checked against the task.</summary>
    public void ReadTargets(Span<float> destination)
    {
        _readTargets(destination);
        if (_task.CheckTarget(destination) is { } problem)
        {
            throw RowError(_columns.Label.Name, problem);
        }
    }

    /// <summary>The current row's example weight (1 without a weight column); negative or non-finite throws.</summary>
    public float ReadWeight()
    {
        if (_weight is null)
        {
            return 1;
        }

        var weight = 0f;
        _weight(ref weight);
        return weight >= 0 && float.IsFinite(weight) ? weight : throw RowError(_columns.Weight!.Value.Name, $"expected a finite weight >= 0, found {weight.ToString(CultureInfo.InvariantCulture)}");
    }

    private Action<Span<float>> TargetReader()
    {
        var label = _columns.Label;
        switch (_columns.LabelKind)
        {
            case LabelKind.Key:
                var key = _cursor.GetGetter<uint>(label);
                return destination =>
                {
                    var value = 0u;
                    key(ref value);
                    var index = KeyIndex.ToClassIndex(value);
                    if (index < 0 || index >= destination.Length)
                    {
                        throw RowError(label.Name, $"expected a key in 1..{destination.Length}, found {(value == 0 ? "a missing key (0)" : $"key {value}")}");
                    }

                    destination.Clear();
                    destination[index] = 1;
                };
            case LabelKind.Boolean:
                var flag = _cursor.GetGetter<bool>(label);
                return destination =>
                {
                    var value = false;
                    flag(ref value);
                    destination[0] = value ? 1 : 0;
                };
            case LabelKind.Number:
                var number = NumberGetter(label);
                return destination =>
                {
                    destination[0] = number();
                    CheckFinite(label, destination);
                };
            default:
                var vector = _cursor.GetGetter<VBuffer<float>>(label);
                return destination =>
                {
                    vector(ref _labelValues);
                    _labelValues.CopyTo(destination);
                    CheckFinite(label, destination);
                };
        }
    }

    private void CheckFinite(DataViewSchema.Column label, ReadOnlySpan<float> values)
    {
        foreach (var value in values)
        {
            if (!float.IsFinite(value))
            {
                throw RowError(label.Name, $"expected finite label values, found {value.ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }

    private Func<float> NumberGetter(DataViewSchema.Column label)
    {
        if (label.Type == NumberDataViewType.Single)
        {
            var single = _cursor.GetGetter<float>(label);
            return () =>
            {
                var value = 0f;
                single(ref value);
                return value;
            };
        }

        var @double = _cursor.GetGetter<double>(label);
        return () =>
        {
            var value = 0.0;
            @double(ref value);
            return (float)value;
        };
    }

    private InvalidOperationException RowError(string column, string problem) =>
        new($"Column '{column}', row {_cursor.Position}{_where}: {problem}.");
}
