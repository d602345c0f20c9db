using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Experiments.Uncertainty;

/// <summary>Reads class probabilities and true classes out of scored data, for <see cref="UncertaintyEvaluator"/>.</summary>
internal static class ScoredProbabilities
{
    /// <summary>
    /// Each row's class probabilities and true class index from scored data. A Single probability column is binary: its
    /// p becomes [1 - p, p]; a vector column holds one probability per class. The label may be Boolean, a 0/1 Single, a
    /// key, or a one-hot vector.
    /// </summary>
    public static (List<float[]> Probabilities, List<int> Labels) Read(IDataView scored, string probabilityColumn, string labelColumn)
    {
        var probability = Find(scored.Schema, probabilityColumn, "class probabilities: a Single (binary) or a vector of Single (one per class)");
        var label = Find(scored.Schema, labelColumn, "the true class: Boolean, a key, a 0/1 Single or a one-hot vector");
        var binary = probability.Type == NumberDataViewType.Single;
        if (!binary && !(probability.Type is VectorDataViewType vector && vector.ItemType == NumberDataViewType.Single))
        {
            throw new ArgumentException(
                $"Column '{probabilityColumn}': expected class probabilities, a Single (binary) or a vector of Single (one per class). Received: {probability.Type}", nameof(probabilityColumn));
        }

        var probabilities = new List<float[]>();
        var labels = new List<int>();
        var columns = new[] { probability, label };
        using var cursor = scored.GetRowCursor(columns);
        Func<float[]> readProbabilities;
        if (binary)
        {
            var p = cursor.GetGetter<float>(columns[0]);
            readProbabilities = () =>
            {
                float value = 0;
                p(ref value);
                return [1 - value, value];
            };
        }
        else
        {
            var scores = cursor.GetGetter<VBuffer<float>>(columns[0]);
            readProbabilities = () =>
            {
                var vector = default(VBuffer<float>);
                scores(ref vector);
                return vector.DenseValues().ToArray();
            };
        }

        var readLabel = LabelReader(cursor, columns[1]);
        while (cursor.MoveNext())
        {
            probabilities.Add(readProbabilities());
            labels.Add(readLabel());
        }

        return (probabilities, labels);
    }

    private static DataViewSchema.Column Find(DataViewSchema schema, string name, string expected) =>
        schema.GetColumnOrNull(name) ?? throw new ArgumentException(
            $"Column '{name}': expected {expected}. Received: no such column; the data has {string.Join(", ", schema.Select(c => c.Name))}", nameof(name));

    private static Func<int> LabelReader(DataViewRowCursor cursor, DataViewSchema.Column label)
    {
        switch (label.Type)
        {
            case BooleanDataViewType:
                var flag = cursor.GetGetter<bool>(label);
                return () =>
                {
                    var value = false;
                    flag(ref value);
                    return value ? 1 : 0;
                };
            case KeyDataViewType:
                var key = cursor.GetGetter<uint>(label);
                return () =>
                {
                    uint value = 0;
                    key(ref value);
                    return (int)value - 1;
                };
            case VectorDataViewType:
                var oneHot = cursor.GetGetter<VBuffer<float>>(label);
                return () =>
                {
                    var value = default(VBuffer<float>);
                    oneHot(ref value);
                    var values = value.DenseValues().ToArray();
                    return Array.IndexOf(values, values.Max());
                };
            default:
                var number = cursor.GetGetter<float>(label);
                return () =>
                {
                    float value = 0;
                    number(ref value);
                    return (int)value;
                };
        }
    }
}
