using ScottPlot;

namespace MlNetMlp.Experiments.Reports;

/// <summary>Saves a drawn plot as a PNG in the report directory.</summary>
internal static class ChartFile
{
    public static ReportChart Save(Plot plot, string directory, string fileName, string caption, int width, int height)
    {
        plot.SavePng(Path.Combine(directory, fileName), width, height);
        return new ReportChart(caption, fileName);
    }
}
