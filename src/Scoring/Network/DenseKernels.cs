using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlNetMlp.Scoring.Network;

/// <summary>
/// The two inner loops of a dense layer. A wide layer adds, for every non-zero input, that input times its kernel row
/// to the units, a tile of eight SIMD vectors at a time so the tile's sums stay in registers while the inputs stream
/// by (one load per multiply-add instead of three). A narrow layer (fewer units than two SIMD vectors) computes each
/// unit as a dot product of the input with the unit's column of the kernel, held transposed.
/// </summary>
internal static class DenseKernels
{
    private static readonly int Lanes = Vector<float>.Count;

    /// <summary>Whether a layer of <paramref name="units"/> is computed unit by unit, by dot products.</summary>
    public static bool IsNarrow(int units) => units < 2 * Lanes;

    /// <summary>output[u] += Σ_k values[k] · kernel[indices[k], u], for a kernel of <paramref name="units"/> columns, row-major.</summary>
    public static void AddRows(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ReadOnlySpan<float> kernel, int units, Span<float> output)
    {
        ref var kernelStart = ref MemoryMarshal.GetReference(kernel);
        ref var outputStart = ref MemoryMarshal.GetReference(output);
        var tile = 8 * Lanes;
        var first = 0;
        for (; first + tile <= units; first += tile)
        {
            ref var sums = ref Unsafe.Add(ref outputStart, first);
            var s0 = Load(ref sums, 0);
            var s1 = Load(ref sums, 1);
            var s2 = Load(ref sums, 2);
            var s3 = Load(ref sums, 3);
            var s4 = Load(ref sums, 4);
            var s5 = Load(ref sums, 5);
            var s6 = Load(ref sums, 6);
            var s7 = Load(ref sums, 7);
            for (var k = 0; k < indices.Length; k++)
            {
                var x = new Vector<float>(values[k]);
                ref var row = ref Unsafe.Add(ref kernelStart, (nint)indices[k] * units + first);
                s0 = Vector.FusedMultiplyAdd(Load(ref row, 0), x, s0);
                s1 = Vector.FusedMultiplyAdd(Load(ref row, 1), x, s1);
                s2 = Vector.FusedMultiplyAdd(Load(ref row, 2), x, s2);
                s3 = Vector.FusedMultiplyAdd(Load(ref row, 3), x, s3);
                s4 = Vector.FusedMultiplyAdd(Load(ref row, 4), x, s4);
                s5 = Vector.FusedMultiplyAdd(Load(ref row, 5), x, s5);
                s6 = Vector.FusedMultiplyAdd(Load(ref row, 6), x, s6);
                s7 = Vector.FusedMultiplyAdd(Load(ref row, 7), x, s7);
            }

            Store(s0, ref sums, 0);
            Store(s1, ref sums, 1);
            Store(s2, ref sums, 2);
            Store(s3, ref sums, 3);
            Store(s4, ref sums, 4);
            Store(s5, ref sums, 5);
            Store(s6, ref sums, 6);
            Store(s7, ref sums, 7);
        }

        for (; first + Lanes <= units; first += Lanes)
        {
            ref var sums = ref Unsafe.Add(ref outputStart, first);
            var s = Load(ref sums, 0);
            for (var k = 0; k < indices.Length; k++)
            {
                s = Vector.FusedMultiplyAdd(Load(ref Unsafe.Add(ref kernelStart, (nint)indices[k] * units + first), 0), new Vector<float>(values[k]), s);
            }

            Store(s, ref sums, 0);
        }

        for (; first < units; first++)
        {
            var sum = Unsafe.Add(ref outputStart, first);
            for (var k = 0; k < indices.Length; k++)
            {
                sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref kernelStart, (nint)indices[k] * units + first), values[k], sum);
            }

            Unsafe.Add(ref outputStart, first) = sum;
        }
    }

    /// <summary>output[u] += Σ_i input[i] · columns[u, i], for the kernel held transposed (units × inputs, row-major).</summary>
    public static void AddColumns(ReadOnlySpan<float> input, ReadOnlySpan<float> columns, Span<float> output)
    {
        for (var u = 0; u < output.Length; u++)
        {
            output[u] += TensorPrimitives.Dot(input, columns.Slice(u * input.Length, input.Length));
        }
    }

    /// <summary>As <see cref="AddColumns(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/> for an input given as its non-zero entries.</summary>
    public static void AddColumns(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ReadOnlySpan<float> columns, int inputs, Span<float> output)
    {
        for (var u = 0; u < output.Length; u++)
        {
            var column = columns.Slice(u * inputs, inputs);
            var sum = 0f;
            for (var k = 0; k < indices.Length; k++)
            {
                sum = MathF.FusedMultiplyAdd(values[k], column[indices[k]], sum);
            }

            output[u] += sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ref float start, int vector) => Vector.LoadUnsafe(ref start, (nuint)(vector * Lanes));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> value, ref float start, int vector) => value.StoreUnsafe(ref start, (nuint)(vector * Lanes));
}
