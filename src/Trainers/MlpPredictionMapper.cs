using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Data;

namespace MlNetMlp.Trainers;

/// <summary>
/// Computes an <see cref="MlpTransformer"/>'s prediction columns row by row: one forward pass per row (eval mode,
/// no gradients), shared by all the row's prediction columns.
/// </summary>
internal sealed class MlpPredictionMapper : ColumnMapper
{
    private readonly MlpTransformer _parent;
    private readonly DataViewSchema.Column _features;

    public MlpPredictionMapper(MlpTransformer parent, DataViewSchema inputSchema)
        : base(inputSchema)
    {
        _parent = parent;
        var expected = $"a vector of {parent.Model.InputSize} Single values (the network's input size)";
        _features = ColumnRequirements.Find(inputSchema, parent.FeatureColumnName, expected);
        if (!_features.Type.Equals(parent.FeatureColumnType))
        {
            throw new SchemaMismatchException(parent.FeatureColumnName, expected, TrainingColumns.Describe(_features.Type));
        }

        CheckLabelKeyCount(inputSchema);
        InputColumns = [_features];
        AddedColumns = OutputColumns(parent.Layout);
    }

    public override IReadOnlyList<AddedColumn> AddedColumns { get; }

    public override IReadOnlyList<DataViewSchema.Column> InputColumns { get; }

    public override Delegate?[] CreateGetters(DataViewRow input, Func<int, bool> isActive)
    {
        if (!Enumerable.Range(0, AddedColumns.Count).Any(isActive))
        {
            // The features are not even active in the input when no prediction column is asked for.
            return new Delegate?[AddedColumns.Count];
        }

        var prediction = new RowPrediction(_parent.Model, input.GetGetter<VBuffer<float>>(_features), _features.Name);
        var layout = _parent.Layout;
        var getters = new Delegate?[AddedColumns.Count];
        for (var i = 0; i < getters.Length; i++)
        {
            if (!isActive(i))
            {
                continue;
            }

            getters[i] = (layout.Task, AddedColumns[i].Name) switch
            {
                (MlpTask.BinaryClassification, MlpTransformer.ScoreColumnName) => (ValueGetter<float>)((ref float value) => value = prediction.For(input).Raw[0]),
                (MlpTask.BinaryClassification, MlpTransformer.ProbabilityColumnName) => (ValueGetter<float>)((ref float value) => value = prediction.For(input).Activated[0]),
                (MlpTask.BinaryClassification, _) => (ValueGetter<bool>)((ref bool value) => value = prediction.For(input).Activated[0] > 0.5f),
                (MlpTask.MulticlassClassification, MlpTransformer.ScoreColumnName) or (MlpTask.MultilabelClassification, MlpTransformer.ScoreColumnName) => VectorGetter(input, prediction),
                (MlpTask.MulticlassClassification, _) => (ValueGetter<uint>)((ref uint value) => value = KeyIndex.FromClassIndex(ArgMax(prediction.For(input).Activated))),
                (MlpTask.MultilabelClassification, _) => (ValueGetter<VBuffer<bool>>)((ref VBuffer<bool> value) =>
                {
                    var probabilities = prediction.For(input).Activated;
                    var editor = VBufferEditor.Create(ref value, probabilities.Length);
                    for (var k = 0; k < probabilities.Length; k++)
                    {
                        editor.Values[k] = probabilities[k] > 0.5f;
                    }

                    value = editor.Commit();
                }),
                _ => layout.VectorScore ? VectorGetter(input, prediction) : (ValueGetter<float>)((ref float value) => value = prediction.For(input).Activated[0]),
            };
        }

        return getters;
    }

    /// <summary>The columns of each task, with class names as KeyValues on PredictedLabel and SlotNames on Score.</summary>
    private static IReadOnlyList<AddedColumn> OutputColumns(LabelLayout layout)
    {
        var units = layout.OutputUnits;
        var vector = new VectorDataViewType(NumberDataViewType.Single, units);
        var names = layout.ClassNames is { } classNames && classNames.Count == units ? classNames : null;
        var slotNames = names is null ? null : ClassNameAnnotations.Build(ClassNameAnnotations.SlotNames, names);
        return layout.Task switch
        {
            MlpTask.MulticlassClassification =>
            [
                new AddedColumn(MlpTransformer.ScoreColumnName, vector, slotNames),
                new AddedColumn(MlpTransformer.PredictedLabelColumnName, new KeyDataViewType(typeof(uint), units),
                    names is null ? null : ClassNameAnnotations.Build(ClassNameAnnotations.KeyValues, names)),
            ],
            MlpTask.BinaryClassification =>
            [
                new AddedColumn(MlpTransformer.ScoreColumnName, NumberDataViewType.Single),
                new AddedColumn(MlpTransformer.ProbabilityColumnName, NumberDataViewType.Single),
                new AddedColumn(MlpTransformer.PredictedLabelColumnName, BooleanDataViewType.Instance),
            ],
            MlpTask.MultilabelClassification =>
            [
                new AddedColumn(MlpTransformer.ScoreColumnName, vector, slotNames),
                new AddedColumn(MlpTransformer.PredictedLabelColumnName, new VectorDataViewType(BooleanDataViewType.Instance, units), slotNames),
            ],
            _ => [new AddedColumn(MlpTransformer.ScoreColumnName, layout.VectorScore ? vector : NumberDataViewType.Single)],
        };
    }

    /// <summary>Data carrying the training label as a key must have the same classes, or evaluation would compare different keys.</summary>
    private void CheckLabelKeyCount(DataViewSchema inputSchema)
    {
        if (_parent.Layout.Task == MlpTask.MulticlassClassification
            && inputSchema.GetColumnOrNull(_parent.LabelColumnName) is { Type: KeyDataViewType key }
            && key.Count != (ulong)_parent.Layout.OutputUnits)
        {
            throw new SchemaMismatchException(_parent.LabelColumnName, $"a key of {_parent.Layout.OutputUnits} classes, as the model was trained with", $"a key of {key.Count} classes");
        }
    }

    private static ValueGetter<VBuffer<float>> VectorGetter(DataViewRow input, RowPrediction prediction) => (ref VBuffer<float> value) =>
    {
        var outputs = prediction.For(input).Activated;
        var editor = VBufferEditor.Create(ref value, outputs.Length);
        outputs.CopyTo(editor.Values);
        value = editor.Commit();
    };

    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The forward pass of the current row, computed once per row position.</summary>
    private sealed class RowPrediction(MlpModel model, ValueGetter<VBuffer<float>> features, string featureColumnName)
    {
        private readonly float[] _input = new float[model.InputSize];
        private readonly float[] _raw = new float[model.OutputSize];
        private readonly float[] _activated = new float[model.OutputSize];
        private VBuffer<float> _values;
        private long _position = -1;

        public (float[] Raw, float[] Activated) For(DataViewRow row)
        {
            if (row.Position != _position)
            {
                features(ref _values);
                _values.CopyTo(_input);
                foreach (var value in _input)
                {
                    if (!float.IsFinite(value))
                    {
                        throw new InvalidOperationException($"Column '{featureColumnName}', row {row.Position}: expected finite feature values, found {value}.");
                    }
                }

                model.Network.Predict(_input, 1, _raw, _activated);
                _position = row.Position;
            }

            return (_raw, _activated);
        }
    }
}
