using System.Runtime.InteropServices;
using Microsoft.ML;

namespace MlNetMlp.Transforms.WordIndex;

/// <summary>
/// The words <c>WordIndex</c> keeps, most frequent first: the word at position p has frequency rank p + 1.
/// Ties in frequency are broken by ordinal word order, so the vocabulary does not depend on row order.
/// </summary>
internal static class WordVocabulary
{
    /// <summary>Counts every word of <paramref name="column"/> and returns the <paramref name="size"/> most frequent.</summary>
    public static string[] Learn(IDataView data, DataViewSchema.Column column, int size)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var tokenizer = new WordTokenizer();
        var onWord = new WordHandler(word => CollectionsMarshal.GetValueRefOrAddDefault(lookup, word, out _)++);
        long rows = 0;
        using (var cursor = data.GetRowCursor([column]))
        {
            var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            var text = default(ReadOnlyMemory<char>);
            while (cursor.MoveNext())
            {
                getter(ref text);
                tokenizer.Split(text.Span, onWord);
                rows++;
            }
        }

        if (counts.Count == 0)
        {
            throw new InvalidOperationException(
                $"Column '{column.Name}': expected text with at least one word to build the vocabulary from, found no words in {rows} rows.");
        }

        return [.. counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(size)
            .Select(pair => pair.Key)];
    }
}
