using System.Runtime.CompilerServices;

namespace MlNetMlp.Trainers.Data;

/// <summary>Where a run of values starts in a <see cref="BlockBuffer{T}"/>.</summary>
internal readonly record struct BlockPosition(int Block, int Offset);

/// <summary>
/// Append-only storage in blocks that are allocated once and never moved or copied, so reading a data set of unknown
/// length costs its size, where a growable list costs up to twice that while it doubles and then a final copy. Values
/// appended together stay contiguous. Blocks start small (tiny data sets stay tiny) and double up to a cap; they are
/// allocated uninitialized, so the unused tail of the last block is never touched and never becomes resident.
/// </summary>
internal sealed class BlockBuffer<T>(int firstBlockLength, int largestBlockLength)
    where T : unmanaged
{
    private readonly List<T[]> _blocks = [];
    private int _used;

    /// <summary>Bytes of the values appended so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>Reserves <paramref name="length"/> contiguous values for the caller to fill; <paramref name="position"/> finds them again.</summary>
    public Span<T> Append(int length, out BlockPosition position)
    {
        if (_blocks.Count == 0 || _used + length > _blocks[^1].Length)
        {
            var next = _blocks.Count == 0 ? firstBlockLength : Math.Min(2 * _blocks[^1].Length, largestBlockLength);
            _blocks.Add(GC.AllocateUninitializedArray<T>(Math.Max(next, length)));
            _used = 0;
        }

        position = new BlockPosition(_blocks.Count - 1, _used);
        _used += length;
        Bytes += (long)length * Unsafe.SizeOf<T>();
        return _blocks[^1].AsSpan(position.Offset, length);
    }

    /// <summary>The <paramref name="length"/> values appended at <paramref name="position"/>.</summary>
    public ReadOnlyMemory<T> Read(BlockPosition position, int length) => _blocks[position.Block].AsMemory(position.Offset, length);
}
