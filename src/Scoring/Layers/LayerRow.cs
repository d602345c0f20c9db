namespace MlNetMlp.Scoring.Layers;

/// <summary>
/// The values between two layers of one row. The network's input arrives sparse (its non-zero entries), and stays
/// so while layers keep zeros zero (dropout masks only the stored values); a dense layer, normalization or noise
/// makes it dense, in one of the two <see cref="LayerScratch"/> buffers, so a layer writes its output into the buffer
/// its input is not in (<see cref="NextBuffer"/>).
/// </summary>
internal ref struct LayerRow
{
    private readonly LayerScratch _scratch;
    private Span<float> _dense;
    private ReadOnlySpan<int> _indices;
    private ReadOnlySpan<float> _values;
    private bool _valuesOwned;
    private int _buffer;

    public LayerRow(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, int width, LayerScratch scratch)
    {
        _scratch = scratch;
        _indices = indices;
        _values = values;
        _buffer = -1;
        Width = width;
        IsSparse = true;
    }

    /// <summary>The number of values in the row (zeros included).</summary>
    public int Width { get; private set; }

    /// <summary>Whether the row is held as its non-zero entries (<see cref="Indices"/>, <see cref="Values"/>).</summary>
    public bool IsSparse { get; private set; }

    public readonly ReadOnlySpan<int> Indices => _indices;

    public readonly ReadOnlySpan<float> Values => _values;

    /// <summary>The row's values, when it is dense.</summary>
    public readonly Span<float> Dense => _dense;

    /// <summary>The non-zero values of a sparse row, in a copy this pass owns, for a layer that changes them in place.</summary>
    public Span<float> MutableValues()
    {
        var owned = _scratch.InputValues.AsSpan(0, _values.Length);
        if (!_valuesOwned)
        {
            _values.CopyTo(owned);
            _values = owned;
            _valuesOwned = true;
        }

        return owned;
    }

    /// <summary>The row as a dense vector, scattering a sparse row into a buffer first.</summary>
    public Span<float> MakeDense()
    {
        if (IsSparse)
        {
            var dense = NextBuffer(Width);
            dense.Clear();
            for (var k = 0; k < _indices.Length; k++)
            {
                dense[_indices[k]] = _values[k];
            }

            SetDense(dense);
        }

        return _dense;
    }

    /// <summary>A buffer of <paramref name="width"/> values that does not hold the row's current values.</summary>
    public readonly Span<float> NextBuffer(int width) => _scratch.Buffers[_buffer == 0 ? 1 : 0].AsSpan(0, width);

    /// <summary>Makes <paramref name="output"/>, a span of <see cref="NextBuffer"/>, the row's values.</summary>
    public void SetDense(Span<float> output)
    {
        _buffer = _buffer == 0 ? 1 : 0;
        _dense = output;
        Width = output.Length;
        IsSparse = false;
    }

    /// <summary>The non-zero entries of the dense row, gathered, for a layer that works on them alone.</summary>
    public readonly void NonZeros(out ReadOnlySpan<int> indices, out ReadOnlySpan<float> values)
    {
        var count = 0;
        for (var i = 0; i < _dense.Length; i++)
        {
            if (_dense[i] != 0)
            {
                _scratch.NonZeroIndices[count] = i;
                _scratch.NonZeroValues[count++] = _dense[i];
            }
        }

        indices = _scratch.NonZeroIndices.AsSpan(0, count);
        values = _scratch.NonZeroValues.AsSpan(0, count);
    }
}
