using MlNetMlp.Experiments.Reporting;

namespace MlNetMlp.Experiments;

/// <summary>A study that has run: what it measured, how it was run, and its report, ready to write.</summary>
/// <typeparam name="TResult">What the study measured.</typeparam>
public sealed class StudyOutcome<TResult>
{
    internal StudyOutcome(TResult result, StudyContext context, Report report)
    {
        Result = result;
        Context = context;
        Report = report;
    }

    /// <summary>What the study measured.</summary>
    public TResult Result { get; }

    /// <summary>The data, machine, versions, seed, command line and time of the run.</summary>
    public StudyContext Context { get; }

    internal Report Report { get; }

    /// <summary>
    /// Writes the report into <paramref name="directory"/>, creating it if needed and replacing earlier report files:
    /// <c>report.md</c>, a self-contained <c>report.html</c>, <c>results.csv</c> (and the study's other CSV files),
    /// <c>results.json</c> and the charts as PNG.
    /// </summary>
    /// <param name="directory">The output directory.</param>
    /// <returns>The paths written.</returns>
    public ReportFiles Write(string directory) => ReportWriter.Write(Report, directory);
}
