using Microsoft.ML;

namespace MlNetMlp.Datasets.Imdb;

/// <summary>One pass over a sequence of reviews, read lazily from wherever the reader found them.</summary>
internal sealed class ReviewRows : SequentialRows
{
    private readonly IEnumerator<Review> _reviews;
    private readonly int _textColumn;

    public ReviewRows(IEnumerable<Review> reviews, int textColumn)
    {
        _reviews = reviews.GetEnumerator();
        _textColumn = textColumn;
    }

    public override bool MoveNext() => _reviews.MoveNext();

    public override ValueGetter<TValue> GetGetter<TValue>(int columnIndex)
    {
        if (columnIndex == _textColumn)
        {
            ValueGetter<ReadOnlyMemory<char>> text = (ref ReadOnlyMemory<char> value) => value = _reviews.Current.Text.AsMemory();
            return (ValueGetter<TValue>)(Delegate)text;
        }

        ValueGetter<bool> label = (ref bool value) => value = _reviews.Current.Positive;
        return (ValueGetter<TValue>)(Delegate)label;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reviews.Dispose();
        }
    }
}
