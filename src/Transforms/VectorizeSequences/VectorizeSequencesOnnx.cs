using Microsoft.ML.Data;
using MlNetMlp.Core.Onnx;

namespace MlNetMlp.Transforms.VectorizeSequences;

/// <summary>
/// <c>VectorizeSequences</c> as ONNX (opset 12, which has no scatter with addition): each row's indices are made unique
/// across the batch as row × (dimension + 1) + index, and one <c>ScatterElements</c> writes 1 (or, for counts, the count
/// <c>Unique</c> gives each slot) into a flat zero vector that is then cut into rows. An index the transformer leaves out (beyond the
/// dimension under Drop, the missing key 0) goes to the extra slot <c>dimension</c> of its row, which is sliced off.
/// A negative index, which ML.NET rejects with an error, is left out the same way: ONNX Runtime cannot fail a row, and a
/// tensor of sequences of different lengths needs a padding value that is no index (use -1, or the missing key 0).
/// </summary>
internal static class VectorizeSequencesOnnx
{
    /// <summary>Why the transformer cannot be exported for input items of <paramref name="itemType"/>, or null.</summary>
    public static string? Blocker(VectorizeSequencesTransformer transformer, PrimitiveDataViewType itemType) =>
        transformer.IndexBeyondDimension == IndexBeyondDimension.Throw && LargestIndex(itemType) >= (ulong)transformer.Dimension
            ? $"with indexBeyondDimension: Throw it raises an error for an index at or beyond dimension={transformer.Dimension}, which a {itemType} " +
              "sequence can hold, and ONNX Runtime cannot fail a row. Use IndexBeyondDimension.Drop to export it (such indices are then left out " +
              "in ML.NET and in ONNX alike)."
            : null;

    /// <summary>Writes the multi-hot (or counts) vectors of the sequences in <paramref name="sequences"/> and returns their variable.</summary>
    public static string Write(OnnxGraph graph, string sequences, VectorizeSequencesTransformer transformer, bool isKey)
    {
        var dimension = (long)transformer.Dimension;
        var width = dimension + 1;
        var index = graph.Cast(sequences, typeof(long));
        if (isKey)
        {
            index = graph.Apply("Sub", index, graph.Constant(1L));
        }

        var kept = graph.Apply("And",
            graph.Apply("Not", graph.Apply("Less", index, graph.Constant(0L))),
            graph.Apply("Less", index, graph.Constant(dimension)));
        var slot = graph.Apply("Where", kept, index, graph.Constant(dimension));

        var rows = graph.Apply("Gather", [graph.Apply("Shape", sequences), graph.Constant(0L)], node => node.AddAttribute("axis", 0L));
        var rowStarts = graph.Apply("Mul",
            graph.Apply("Unsqueeze", [graph.Apply("Range", graph.Constant(0L), rows, graph.Constant(1L))], node => node.AddAttribute("axes", new long[] { 1 })),
            graph.Constant(width));
        var flatSlots = graph.Apply("Reshape", graph.Apply("Add", rowStarts, slot), graph.Constant(new long[] { -1 }, 1));

        // Counts need each slot once with its count; for 1s a repeated slot is written twice with the same value.
        string slots, values;
        if (transformer.Counts)
        {
            var unique = graph.ApplyMany("Unique", [flatSlots], 4, node => node.AddAttribute("sorted", 0L));
            (slots, values) = (unique[0], graph.Cast(unique[3], typeof(float)));
        }
        else
        {
            (slots, values) = (flatSlots, graph.Apply("Expand", graph.Constant(1f), graph.Apply("Shape", flatSlots)));
        }

        var size = graph.Apply("Reshape", graph.Apply("Mul", rows, graph.Constant(width)), graph.Constant(new long[] { 1 }, 1));
        var flat = graph.Apply("ScatterElements", [graph.Apply("ConstantOfShape", size), slots, values], node => node.AddAttribute("axis", 0L));
        var table = graph.Apply("Reshape", flat, graph.Constant(new[] { -1L, width }, 2));
        return graph.Apply("Slice", table, graph.Constant(new long[] { 0 }, 1), graph.Constant(new[] { dimension }, 1), graph.Constant(new long[] { 1 }, 1));
    }

    /// <summary>The largest index an item of <paramref name="itemType"/> can give (a key k gives k - 1).</summary>
    private static ulong LargestIndex(PrimitiveDataViewType itemType) => itemType switch
    {
        KeyDataViewType key => key.Count - 1,
        _ when itemType.RawType == typeof(byte) => byte.MaxValue,
        _ when itemType.RawType == typeof(sbyte) => (ulong)sbyte.MaxValue,
        _ when itemType.RawType == typeof(short) => (ulong)short.MaxValue,
        _ when itemType.RawType == typeof(ushort) => ushort.MaxValue,
        _ when itemType.RawType == typeof(int) => int.MaxValue,
        _ when itemType.RawType == typeof(uint) => uint.MaxValue,
        _ => ulong.MaxValue,
    };
}
