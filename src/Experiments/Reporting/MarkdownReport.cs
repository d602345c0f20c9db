using System.Text;

namespace MlNetMlp.Experiments.Reporting;

/// <summary>Renders a report document as Markdown, with the charts linked as PNG files beside it.</summary>
internal static class MarkdownReport
{
    public static string Render(Report document)
    {
        var markdown = new StringBuilder();
        markdown.Append("# ").AppendLine(document.Title).AppendLine();
        foreach (var paragraph in document.Summary)
        {
            markdown.AppendLine(paragraph).AppendLine();
        }

        foreach (var section in document.Sections)
        {
            markdown.Append("## ").AppendLine(section.Heading).AppendLine();
            foreach (var paragraph in section.Paragraphs)
            {
                markdown.AppendLine(paragraph).AppendLine();
            }

            foreach (var table in section.Tables)
            {
                AppendRow(markdown, table.Headers);
                AppendRow(markdown, [.. table.Headers.Select((_, i) => i == 0 ? "---" : "---:")]);
                foreach (var row in table.Rows)
                {
                    AppendRow(markdown, row);
                }

                markdown.AppendLine();
            }

            foreach (var chart in section.Charts)
            {
                markdown.Append("![").Append(chart.Caption).Append("](").Append(chart.FileName).AppendLine(")").AppendLine();
            }
        }

        return markdown.ToString();
    }

    private static void AppendRow(StringBuilder markdown, IReadOnlyList<string> cells) =>
        markdown.Append("| ").Append(string.Join(" | ", cells.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal)))).AppendLine(" |");
}
