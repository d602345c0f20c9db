namespace MlNetMlp.Transforms.WordIndex;

/// <summary>Receives one word of a text, valid only during the call.</summary>
internal delegate void WordHandler(ReadOnlySpan<char> word);

/// <summary>
/// Splits text into words the way <c>WordIndex</c> counts and looks them up: HTML line breaks
/// (<c>&lt;br /&gt;</c>, as in the IMDb reviews) and white space separate words; punctuation and symbols
/// are removed without splitting, as Keras <c>TextVectorization</c>'s "lower_and_strip_punctuation"
/// does ("don't" becomes "dont"); letters are lowercased (invariant culture). One instance per
/// thread: it reuses its word buffer so that splitting allocates nothing.
/// </summary>
internal sealed class WordTokenizer
{
    private char[] _word = new char[64];

    /// <summary>Calls <paramref name="onWord"/> for each word of <paramref name="text"/>, in order.</summary>
    public void Split(ReadOnlySpan<char> text, WordHandler onWord)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var tagLength = c == '<' ? LineBreakTagLength(text[i..]) : 0;
            if (tagLength > 0 || char.IsWhiteSpace(c))
            {
                Flush(ref length, onWord);
                i += Math.Max(tagLength - 1, 0);
            }
            else if (!char.IsPunctuation(c) && !char.IsSymbol(c))
            {
                if (length == _word.Length)
                {
                    Array.Resize(ref _word, _word.Length * 2);
                }

                _word[length++] = char.ToLowerInvariant(c);
            }
        }

        Flush(ref length, onWord);
    }

    private void Flush(ref int length, WordHandler onWord)
    {
        if (length > 0)
        {
            onWord(_word.AsSpan(0, length));
            length = 0;
        }
    }

    /// <summary>The length of a <c>&lt;br&gt;</c>, <c>&lt;br/&gt;</c> or <c>&lt;br /&gt;</c> tag (any case) at the start of <paramref name="text"/>, else 0.</summary>
    private static int LineBreakTagLength(ReadOnlySpan<char> text)
    {
        if (text.Length < 4 || (text[1] | 0x20) != 'b' || (text[2] | 0x20) != 'r')
        {
            return 0;
        }

        var i = 3;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i < text.Length && text[i] == '/')
        {
            i++;
        }

        return i < text.Length && text[i] == '>' ? i + 1 : 0;
    }
}
