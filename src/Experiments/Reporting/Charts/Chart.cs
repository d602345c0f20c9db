namespace MlNetMlp.Experiments.Reporting.Charts;

/// <summary>
/// A chart a report section shows: what it is of (its data, held by each kind) and the PNG it becomes. The report
/// writer asks each chart to draw itself into the report directory, never looking at what it plots.
/// </summary>
/// <param name="FileName">The PNG's file name, relative to the report directory.</param>
/// <param name="Caption">What the chart shows: its title, and its caption in the report.</param>
internal abstract record Chart(string FileName, string Caption)
{
    /// <summary>Draws the chart as <see cref="FileName"/> in <paramref name="directory"/>, replacing an earlier file.</summary>
    /// <param name="directory">The report directory, which exists.</param>
    public abstract void Draw(string directory);
}
