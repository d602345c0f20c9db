using System.Net;
using System.Text;

namespace MlNetMlp.Experiments.Reports;

/// <summary>Renders a report document as one self-contained HTML page: styles inline, charts embedded as base64 PNG.</summary>
internal static class HtmlReport
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}" +
        "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 10px}" +
        "td{text-align:right}td:first-child,th:first-child{text-align:left}th{background:#f0f0f0}" +
        "img{max-width:100%;display:block;margin:1em 0}figcaption{color:#555;font-size:90%}";

    public static string Render(ReportDocument document, string directory)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>")
            .AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(Encode(document.Title)).AppendLine("</title>")
            .Append("<style>").Append(Style).AppendLine("</style></head><body>")
            .Append("<h1>").Append(Encode(document.Title)).AppendLine("</h1>");
        foreach (var section in document.Sections)
        {
            html.Append("<h2>").Append(Encode(section.Heading)).AppendLine("</h2>");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append("<p>").Append(Encode(paragraph)).AppendLine("</p>");
            }

            foreach (var table in section.Tables)
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

            foreach (var chart in section.Charts)
            {
                var png = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(directory, chart.FileName)));
                html.Append("<figure><img alt=\"").Append(Encode(chart.Caption)).Append("\" src=\"data:image/png;base64,").Append(png).Append("\">")
                    .Append("<figcaption>").Append(Encode(chart.Caption)).AppendLine("</figcaption></figure>");
            }
        }

        return html.AppendLine("</body></html>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
