using System.Globalization;
using System.Numerics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Core.Onnx;

namespace MlNetMlp.Transforms.OneHotLabels;

/// <summary>
/// Classes of a key column: every key value 1..Count is a class, key k at one-hot position k - 1, so the
/// width follows the key type rather than the values that happen to occur. Class names come from the
/// column's <c>KeyValues</c> annotation when it has one (as after <c>MapValueToKey</c>), else the key numbers.
/// The missing key 0 is not a class.
/// </summary>
internal sealed class KeyLabelClasses : LabelClasses
{
    private readonly KeyDataViewType _type;

    public KeyLabelClasses(KeyDataViewType type, IReadOnlyList<string> names)
    {
        _type = type;
        Names = names;
        Values = [.. Enumerable.Range(1, names.Count).Select(k => Convert.ChangeType(k, type.RawType, CultureInfo.InvariantCulture))];
    }

    public override DataViewType LabelType => _type;

    public override IReadOnlyList<object> Values { get; }

    public override IReadOnlyList<string> Names { get; }

    /// <summary>The key column's value names, or the key numbers 1..Count when it has none.</summary>
    public static string[] NamesFromAnnotation(DataViewSchema.Column column, KeyDataViewType type)
    {
        var count = (int)type.Count;
        var keyValues = column.Annotations.Schema.GetColumnOrNull(AnnotationUtils.Kinds.KeyValues);
        if (keyValues?.Type is VectorDataViewType { Size: var size } vector && size == count)
        {
            var names = new string[count];
            if (vector.ItemType is TextDataViewType)
            {
                var values = default(VBuffer<ReadOnlyMemory<char>>);
                column.Annotations.GetValue(AnnotationUtils.Kinds.KeyValues, ref values);
                var index = 0;
                foreach (var value in values.DenseValues())
                {
                    names[index++] = value.ToString();
                }

                return names;
            }
        }

        return [.. Enumerable.Range(1, count).Select(k => k.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>Key k is class k - 1; the missing key 0 matches no class.</summary>
    public override string MatchOnnx(OnnxGraph graph, string label) =>
        graph.Apply("Equal", graph.Cast(label, typeof(long)), graph.Constant(Enumerable.Range(1, Names.Count).Select(k => (long)k), 1, Names.Count));

    public override bool TryGetIndex(object label, out int index)
    {
        index = -1;
        if (label.GetType() != _type.RawType)
        {
            return false;
        }

        var key = Convert.ToUInt64(label, CultureInfo.InvariantCulture);
        if (key == 0 || key > _type.Count)
        {
            return false;
        }

        index = (int)(key - 1);
        return true;
    }

    public override ClassIndexGetter CreateIndexGetter(DataViewRow row, DataViewSchema.Column column)
    {
        var raw = _type.RawType;
        return raw == typeof(byte) ? CreateIndexGetter<byte>(row, column)
            : raw == typeof(ushort) ? CreateIndexGetter<ushort>(row, column)
            : raw == typeof(uint) ? CreateIndexGetter<uint>(row, column)
            : CreateIndexGetter<ulong>(row, column);
    }

    private ClassIndexGetter CreateIndexGetter<T>(DataViewRow row, DataViewSchema.Column column)
        where T : unmanaged, IBinaryInteger<T>
    {
        var getter = row.GetGetter<T>(column);
        var count = _type.Count;
        T value = default;
        return (out object? unseen) =>
        {
            getter(ref value);
            var key = ulong.CreateTruncating(value);
            if (key >= 1 && key <= count)
            {
                unseen = null;
                return (int)(key - 1);
            }

            unseen = key == 0 ? "the missing key 0" : value;
            return -1;
        };
    }
}
