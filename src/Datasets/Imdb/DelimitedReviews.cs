using System.Text;

namespace MlNetMlp.Datasets.Imdb;

/// <summary>
/// Reads reviews from a CSV or TSV file with a header row: RFC 4180 quoting (a quoted field may hold the
/// separator, doubled quotes and line breaks), UTF-8. The label is read leniently, as people write it:
/// 1/0, true/false, pos/neg, positive/negative, in any case.
/// </summary>
internal sealed class DelimitedReviews
{
    private readonly string _path;
    private readonly char _separator;
    private readonly int _textIndex;
    private readonly int _labelIndex;

    private DelimitedReviews(string path, char separator, int textIndex, int labelIndex)
    {
        _path = path;
        _separator = separator;
        _textIndex = textIndex;
        _labelIndex = labelIndex;
    }

    /// <summary>Reads the header and finds the two columns, each by the first of its accepted names present; throws naming the file and the columns it has otherwise.</summary>
    public static DelimitedReviews Open(string path, char separator, IReadOnlyList<string> textColumn, IReadOnlyList<string> labelColumn)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var line = 1;
        var header = ReadRecord(reader, separator, path, ref line)
            ?? throw new InvalidDataException($"Reviews file '{path}' is empty: expected a header row naming the columns {Names(textColumn)} and {Names(labelColumn)}.");
        return new DelimitedReviews(path, separator, Find(header, textColumn, path), Find(header, labelColumn, path));
    }

    public IEnumerable<Review> Read()
    {
        using var reader = new StreamReader(_path, Encoding.UTF8);
        var line = 1;
        ReadRecord(reader, _separator, _path, ref line);
        while (true)
        {
            var recordLine = line;
            var fields = ReadRecord(reader, _separator, _path, ref line);
            if (fields is null)
            {
                yield break;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            var needed = Math.Max(_textIndex, _labelIndex) + 1;
            if (fields.Count < needed)
            {
                throw new InvalidDataException($"Reviews file '{_path}', line {recordLine}: expected at least {needed} fields, found {fields.Count}.");
            }

            yield return new Review(fields[_textIndex], ParseLabel(fields[_labelIndex], recordLine));
        }
    }

    private bool ParseLabel(string text, int line) => text.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "pos" or "positive" => true,
        "0" or "false" or "neg" or "negative" => false,
        _ => throw new InvalidDataException(
            $"Reviews file '{_path}', line {line}: expected a label of 1/0, true/false, pos/neg or positive/negative, found '{text}'."),
    };

    private static int Find(List<string> header, IReadOnlyList<string> accepted, string path)
    {
        foreach (var column in accepted)
        {
            var index = header.FindIndex(name => string.Equals(name.Trim(), column, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }

        throw new InvalidDataException($"Reviews file '{path}': expected a column named {Names(accepted)} in the header, found {string.Join(", ", header.Select(name => $"'{name}'"))}.");
    }

    private static string Names(IEnumerable<string> names) => string.Join(" or ", names.Select(name => $"'{name}'"));

    /// <summary>One record, or null at the end of the file; <paramref name="line"/> advances past the lines it spans.</summary>
    private static List<string>? ReadRecord(TextReader reader, char separator, string path, ref int line)
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = reader.Read();
            if (quoted)
            {
                if (c < 0)
                {
                    throw new InvalidDataException($"Reviews file '{path}': a quoted field is not closed before the end of the file (line {line}).");
                }

                if (c == '"' && reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append((char)c);
                }

                continue;
            }

            if (c < 0 || c == '\n')
            {
                line++;
                fields.Add(TrimCarriageReturn(field));
                return fields;
            }

            if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else
            {
                field.Append((char)c);
            }
        }
    }

    private static string TrimCarriageReturn(StringBuilder field) =>
        field.Length > 0 && field[^1] == '\r' ? field.ToString(0, field.Length - 1) : field.ToString();
}
