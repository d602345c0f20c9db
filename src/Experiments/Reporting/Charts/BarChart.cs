using System.Globalization;
using ScottPlot;

namespace MlNetMlp.Experiments.Reporting.Charts;

/// <summary>
/// Horizontal bars, one per named value, the first at the top, each labelled with its value. Highlighted bars take
/// their own colour, explained in a legend. A zoomed chart's axis spans the range of the values rather than starting at
/// zero, so that 0.89 and 0.94 look different; its axis label says where it starts.
/// </summary>
/// <param name="FileName">The PNG's name.</param>
/// <param name="Caption">The chart's title.</param>
/// <param name="ValueLabel">What the values are, under the axis.</param>
/// <param name="Values">The bars, the first at the top.</param>
/// <param name="Format">How the bars' labels and the zoomed axis's start are written.</param>
/// <param name="Subject">What <see cref="BarHighlight.Subject"/> bars are, for the legend, e.g. "MLP".</param>
/// <param name="Zoom">Whether the axis spans the values' range instead of starting at 0.</param>
internal sealed record BarChart(string FileName, string Caption, string ValueLabel, IReadOnlyList<ChartBar> Values, string Format, string Subject = "", bool Zoom = false)
    : Chart(FileName, Caption)
{
    private const int Width = 900;
    private const int RowHeight = 48;

    private static readonly Color Plain = Color.FromHex("#9db4cc");
    private static readonly IReadOnlyDictionary<BarHighlight, Color> Highlights = new Dictionary<BarHighlight, Color>
    {
        [BarHighlight.Subject] = Color.FromHex("#ff7f0e"),
        [BarHighlight.Best] = Color.FromHex("#2ca02c"),
        [BarHighlight.SubjectAndBest] = Color.FromHex("#d62728"),
    };

    /// <inheritdoc />
    public override void Draw(string directory)
    {
        var (values, format, zoom) = (Values, Format, Zoom);
        var plot = new Plot();
        var (low, high) = zoom ? ZoomedRange(values) : (0, values.Max(v => v.Value) * 1.18);
        var bars = values.Select((bar, i) => new Bar
        {
            Position = values.Count - 1 - i,
            Value = bar.Value,
            ValueBase = low,
            Label = bar.Value.ToString(format, CultureInfo.InvariantCulture),
            FillColor = Highlights.GetValueOrDefault(bar.Highlight, Plain),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 14;
        plot.Axes.Left.SetTicks(
            [.. bars.Select(b => b.Position)],
            [.. values.Select(v => v.Label)]);
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.SetLimits(low, high, -0.6, values.Count - 0.4);
        foreach (var shown in values.Select(v => v.Highlight).Where(h => h != BarHighlight.None).Distinct().Order())
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Legend(shown, Subject), FillColor = Highlights[shown] });
        }

        if (plot.Legend.ManualItems.Count > 0)
        {
            plot.ShowLegend(Edge.Right);
        }

        plot.Title(Caption);
        plot.XLabel(zoom ? $"{ValueLabel} (axis from {low.ToString(format, CultureInfo.InvariantCulture)}, not 0)" : ValueLabel);
        plot.SavePng(Path.Combine(directory, FileName), Width, 140 + (RowHeight * values.Count));
    }

    private static string Legend(BarHighlight highlight, string subject) => highlight switch
    {
        BarHighlight.Subject => subject,
        BarHighlight.Best => "best",
        _ => $"{subject}, and best",
    };

    /// <summary>
    /// The values' range widened by a quarter of it on the left and by room for the labels on the right, never below 0;
    /// a range of nearly equal values is widened to at least 0.02 so that the bars still show.
    /// </summary>
    private static (double Low, double High) ZoomedRange(IReadOnlyList<ChartBar> values)
    {
        var (min, max) = (values.Min(v => v.Value), values.Max(v => v.Value));
        var span = Math.Max(max - min, 0.02);
        var low = Math.Max(0, Math.Floor((min - (span * 0.25)) * 100) / 100);
        return (low, max + ((max - low) * 0.18));
    }
}
