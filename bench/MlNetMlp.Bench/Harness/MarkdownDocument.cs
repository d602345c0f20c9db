using System.Text;

namespace MlNetMlp.Bench.Harness;

/// <summary>The Markdown of bench/RESULTS.md, written a block at a time.</summary>
internal sealed class MarkdownDocument
{
    private readonly StringBuilder _text = new();

    public void Heading(int level, string text) => _text.Append('#', level).Append(' ').AppendLine(text).AppendLine();

    public void Paragraph(string text) => _text.AppendLine(text).AppendLine();

    public void Bullets(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            _text.Append("- ").AppendLine(item);
        }

        _text.AppendLine();
    }

    /// <summary>A table whose columns from <paramref name="firstRightAligned"/> on hold numbers and are right-aligned.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int firstRightAligned = 1)
    {
        _text.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        _text.Append('|').AppendJoin('|', headers.Select((_, i) => i >= firstRightAligned ? " ---: " : " --- ")).AppendLine("|");
        foreach (var row in rows)
        {
            _text.Append("| ").AppendJoin(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
        }

        _text.AppendLine();
    }

    public override string ToString() => _text.ToString().TrimEnd() + Environment.NewLine;
}
