using System.Net;
using System.Text;

namespace MlNetMlp.Experiments.Reporting;

/// <summary>
/// Renders a report document as one self-contained HTML page: styles inline, charts embedded as base64 PNG. The page
/// opens with the summary, then a table of contents linking every section; tables marked as folded sit in a details
/// element, closed.
/// </summary>
internal static class HtmlReport
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}" +
        "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 10px}" +
        "td{text-align:right}td:first-child,th:first-child{text-align:left}th{background:#f0f0f0}" +
        ".summary{background:#f5f8fc;border-left:4px solid #4a78b0;padding:.2em 1em;margin:1em 0}" +
        "nav ol{columns:2;margin:.5em 0}details{margin:1em 0}summary{cursor:pointer;color:#4a78b0}" +
        "img{max-width:100%;display:block;margin:1em 0}figcaption{color:#555;font-size:90%}";

    public static string Render(Report document, string directory)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>")
            .AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(Encode(document.Title)).AppendLine("</title>")
            .Append("<style>").Append(Style).AppendLine("</style></head><body>")
            .Append("<h1>").Append(Encode(document.Title)).AppendLine("</h1>");
        if (document.Summary.Count > 0)
        {
            html.AppendLine("<div class=\"summary\">");
            foreach (var paragraph in document.Summary)
            {
                html.Append("<p>").Append(Encode(paragraph)).AppendLine("</p>");
            }

            html.AppendLine("</div>");
        }

        html.AppendLine("<nav><h2>Contents</h2><ol>");
        for (var i = 0; i < document.Sections.Count; i++)
        {
            html.Append("<li><a href=\"#").Append(Anchor(i)).Append("\">").Append(Encode(document.Sections[i].Heading)).AppendLine("</a></li>");
        }

        html.AppendLine("</ol></nav>");
        for (var i = 0; i < document.Sections.Count; i++)
        {
            AppendSection(html, document.Sections[i], Anchor(i), directory);
        }

        return html.AppendLine("</body></html>").ToString();
    }

    private static void AppendSection(StringBuilder html, ReportSection section, string anchor, string directory)
    {
        html.Append("<h2 id=\"").Append(anchor).Append("\">").Append(Encode(section.Heading)).AppendLine("</h2>");
        foreach (var paragraph in section.Paragraphs)
        {
            html.Append("<p>").Append(Encode(paragraph)).AppendLine("</p>");
        }

        foreach (var table in section.Tables)
        {
            if (table.FoldedAs is { } fold)
            {
                html.Append("<details><summary>").Append(Encode(fold)).AppendLine("</summary>");
            }

            AppendTable(html, table);
            if (table.FoldedAs is not null)
            {
                html.AppendLine("</details>");
            }
        }

        foreach (var chart in section.Charts)
        {
            var png = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(directory, chart.FileName)));
            html.Append("<figure><img alt=\"").Append(Encode(chart.Caption)).Append("\" src=\"data:image/png;base64,").Append(png).Append("\">")
                .Append("<figcaption>").Append(Encode(chart.Caption)).AppendLine("</figcaption></figure>");
        }
    }

    private static void AppendTable(StringBuilder html, ReportTable table)
    {
        html.Append("<table><thead><tr>");
        foreach (var header in table.Headers)
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table>");
    }

    private static string Anchor(int section) => $"section-{section + 1}";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
