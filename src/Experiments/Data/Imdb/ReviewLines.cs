using System.Text;

namespace MlNetMlp.Experiments.Data.Imdb;

/// <summary>One review to classify and the line it came from.</summary>
/// <param name="Line">The line number, from 1.</param>
/// <param name="Text">The review.</param>
internal sealed record ReviewLine(int Line, string Text);

/// <summary>
/// Reviews to classify, one per line of a UTF-8 text file or of standard input, as IMDb itself stores them (a review is one
/// line; its paragraphs are joined by <c>&lt;br /&gt;</c>). Blank lines are skipped. Input that is not text, such as a PNG or
/// an IDX file, is refused rather than classified as a review.
/// </summary>
internal static class ReviewLines
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="InvalidDataException">The input holds a NUL byte or is not UTF-8, or holds no review.</exception>
    public static IReadOnlyList<ReviewLine> Read(Stream input, string source)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new InvalidDataException(
                $"{source} is not text: it holds a NUL byte at offset {nul}, as binary files such as PNG images and IDX files do; expected UTF-8 text with one review per line.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{source} is not UTF-8 text: it holds byte sequences UTF-8 does not allow, as binary files do; expected UTF-8 text with one review per line.", e);
        }

        var reviews = text.TrimStart('\uFEFF').Split('\n')
            .Select((line, index) => new ReviewLine(index + 1, line.TrimEnd('\r')))
            .Where(review => !string.IsNullOrWhiteSpace(review.Text))
            .ToList();
        return reviews.Count > 0 ? reviews : throw new InvalidDataException($"{source} holds no text to classify; expected one review per line.");
    }
}
