using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Datasets.Mnist;

/// <summary>One pass over an MNIST image file and its label file (if any), read in step; inactive columns are never opened.</summary>
internal sealed class MnistRows : SequentialRows
{
    private readonly IdxSource _images;
    private readonly IdxSource? _labels;
    private readonly Stream? _imageStream;
    private readonly Stream? _labelStream;
    private readonly byte[] _pixels = new byte[MnistDataset.PixelCount];
    private readonly byte[] _label = new byte[1];
    private readonly int _pixelsColumn;
    private readonly int _labelColumn;
    private readonly int _endRow;
    private int _row;

    /// <summary>Serves the items <paramref name="rows"/> of the files (all of them for a file pair, a part for the embedded sample's splits).</summary>
    public MnistRows(IdxSource images, IdxSource? labels, Range rows, bool[] active, int pixelsColumn, int labelColumn)
    {
        _images = images;
        _labels = labels;
        _pixelsColumn = pixelsColumn;
        _labelColumn = labelColumn;
        var (start, length) = rows.GetOffsetAndLength(images.Count);
        _row = start - 1;
        _endRow = start + length;
        _imageStream = active[pixelsColumn] ? images.OpenItems(start, MnistDataset.PixelCount) : null;
        _labelStream = labels is not null && active[labelColumn] ? labels.OpenItems(start, 1) : null;
    }

    public override bool MoveNext()
    {
        if (_row + 1 >= _endRow)
        {
            return false;
        }

        _row++;
        if (_imageStream is not null)
        {
            Read(_imageStream, _pixels, _images, "image");
        }

        if (_labelStream is not null && _labels is not null)
        {
            Read(_labelStream, _label, _labels, "label");
            if (_label[0] >= MnistDataset.ClassCount)
            {
                throw new InvalidDataException(
                    $"{_labels.Description}: expected labels 0 to {MnistDataset.ClassCount - 1}, found {_label[0]} at item {_row}.");
            }
        }

        return true;
    }

    public override ValueGetter<TValue> GetGetter<TValue>(int columnIndex)
    {
        if (columnIndex == _pixelsColumn)
        {
            ValueGetter<VBuffer<byte>> pixels = (ref VBuffer<byte> value) =>
            {
                var editor = VBufferEditor.Create(ref value, MnistDataset.PixelCount);
                _pixels.CopyTo(editor.Values);
                value = editor.Commit();
            };
            return (ValueGetter<TValue>)(Delegate)pixels;
        }

        // Keys are 1-based in ML.NET (0 means missing), so digit d is key d + 1.
        ValueGetter<uint> label = (ref uint value) => value = _label[0] + 1u;
        return (ValueGetter<TValue>)(Delegate)label;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _imageStream?.Dispose();
            _labelStream?.Dispose();
        }
    }

    private void Read(Stream stream, byte[] buffer, IdxSource source, string item)
    {
        if (IdxSource.ReadFully(stream, buffer, source) != buffer.Length)
        {
            throw new InvalidDataException(
                $"{source.Description} is truncated: its header announces {source.Count} items, the data ends within {item} {_row}.");
        }
    }
}
