namespace MlNetMlp.Trainers.Data;

/// <summary>
/// Rows of a fixed width appended one after another into a <see cref="BlockBuffer{T}"/> whose blocks all hold the same
/// number of whole rows, so a row's place follows from its number and nothing per row records it.
/// </summary>
internal sealed class RowBlocks<T>
    where T : unmanaged
{
    private const int LargestBlockValues = 1 << 20;
    private const int LargestBlockRows = 4096;
    private readonly BlockBuffer<T> _buffer;
    private readonly int _rowsPerBlock;

    public RowBlocks(int width)
    {
        Width = width;
        _rowsPerBlock = Math.Clamp(LargestBlockValues / Math.Max(width, 1), 1, LargestBlockRows);
        _buffer = new BlockBuffer<T>(_rowsPerBlock * width, _rowsPerBlock * width);
    }

    public int Width { get; }

    public int Count { get; private set; }

    public long Bytes => _buffer.Bytes;

    /// <summary>Appends a row for the caller to fill.</summary>
    public Span<T> Append()
    {
        Count++;
        return _buffer.Append(Width, out _);
    }

    public ReadOnlySpan<T> this[int row] => _buffer.Read(Position(row), Width).Span;

    private BlockPosition Position(int row) => new(row / _rowsPerBlock, row % _rowsPerBlock * Width);
}
