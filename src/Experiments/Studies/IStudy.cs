using MlNetMlp.Experiments.Reporting;

namespace MlNetMlp.Experiments.Studies;

/// <summary>
/// One study: options (given when it is made) → runs (<see cref="Run"/>) → a result → report sections
/// (<see cref="Describe"/>). <see cref="StudyRunner"/> does the rest every study shares: timing the run, recording the
/// machine, the versions, the seed and the command line, adding the sections that state them, and writing the files.
/// A new study is one class like this and the sections it writes.
/// </summary>
/// <typeparam name="TResult">What the study measured; serialized into <c>results.json</c> beside the context.</typeparam>
internal interface IStudy<TResult>
    where TResult : IStudyResult
{
    /// <summary>The report's title, e.g. "MNIST: MLP vs ML.NET trainers".</summary>
    string Title { get; }

    /// <summary>Runs the study on <paramref name="run"/>'s data.</summary>
    /// <param name="run">The context, the data and where progress goes.</param>
    /// <returns>What it measured.</returns>
    TResult Run(StudyRun run);

    /// <summary>The report's summary, its own sections, and its CSV files (<see cref="ReportWriter.ResultsCsv"/> among them).</summary>
    /// <param name="result">What <see cref="Run"/> returned.</param>
    /// <param name="context">The run's context (data, machine, versions, seed, command line, time), for the text.</param>
    /// <returns>The study's part of the report.</returns>
    StudyReport Describe(TResult result, StudyContext context);
}

/// <summary>What every study's result says: the data it ran on, as the report states it.</summary>
internal interface IStudyResult
{
    /// <summary>The data, with the row counts the study ended up using (training, validation and test).</summary>
    DataDescription Data { get; }
}

/// <summary>A study's part of its report: everything but the title and the context sections the runner adds.</summary>
/// <param name="Summary">The findings in a few sentences.</param>
/// <param name="Sections">The study's sections, in reading order.</param>
/// <param name="CsvFiles">File name to CSV text; <see cref="ReportWriter.ResultsCsv"/> must be among them.</param>
internal sealed record StudyReport(IReadOnlyList<string> Summary, IReadOnlyList<ReportSection> Sections, IReadOnlyDictionary<string, string> CsvFiles);
