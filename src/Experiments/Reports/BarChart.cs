using System.Globalization;
using ScottPlot;

namespace MlNetMlp.Experiments.Reports;

/// <summary>Horizontal bars, one per named value, the first at the top, each labelled with its value.</summary>
internal static class BarChart
{
    private const int Width = 900;
    private const int RowHeight = 48;

    public static ReportChart Draw(string directory, string fileName, string caption, string valueLabel, IReadOnlyList<ChartBar> values, string format)
    {
        var plot = new Plot();
        var bars = values.Select((bar, i) => new Bar
        {
            Position = values.Count - 1 - i,
            Value = bar.Value,
            Label = bar.Value.ToString(format, CultureInfo.InvariantCulture),
            FillColor = Colors.SteelBlue,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 14;
        plot.Axes.Left.SetTicks(
            [.. bars.Select(b => b.Position)],
            [.. values.Select(v => v.Label)]);
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.05, top: 0.05);
        plot.Title(caption);
        plot.XLabel(valueLabel);
        return ChartFile.Save(plot, directory, fileName, caption, Width, 140 + (RowHeight * values.Count));
    }
}
