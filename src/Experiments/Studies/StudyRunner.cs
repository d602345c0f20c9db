using System.Diagnostics;
using MlNetMlp.Experiments.Reporting;

namespace MlNetMlp.Experiments.Studies;

/// <summary>
/// Runs any study the same way: times it, records the context (the data the study ended up using, the machine, the
/// versions loaded after the run, the seed and the command line), asks the study for its sections, and adds the two
/// every report ends with (the data; the machine and versions). The JSON holds the study's result with the context's
/// fields beside it.
/// </summary>
internal static class StudyRunner
{
    public static StudyOutcome<TResult> Run<TResult>(IStudy<TResult> study, StudyRun run, StudyRunOptions? options)
        where TResult : IStudyResult
    {
        ArgumentNullException.ThrowIfNull(study);
        var clock = Stopwatch.StartNew();
        var result = study.Run(run);
        var seconds = clock.Elapsed.TotalSeconds;
        var context = new StudyContext
        {
            Title = study.Title,
            Data = result.Data,
            Machine = MachineDescription.Current(),
            Versions = ComponentVersions.Loaded(), // after the run, so every assembly the study used is listed
            CommandLine = options?.CommandLine,
            Seed = options?.Seed,
            StudySeconds = seconds,
        };
        return Outcome(study, result, context);
    }

    /// <summary>The outcome of <paramref name="study"/> for a <paramref name="result"/> in <paramref name="context"/>: its report composed.</summary>
    public static StudyOutcome<TResult> Outcome<TResult>(IStudy<TResult> study, TResult result, StudyContext context)
        where TResult : IStudyResult =>
        new(result, context, Compose(study.Describe(result, context), result, context));

    /// <summary>
    /// The whole report of a study's <paramref name="result"/>: its title from the context, the study's summary and
    /// sections, then the context's; its CSV files; and as JSON the context's fields with the result's beside them.
    /// </summary>
    public static Report Compose(StudyReport described, IStudyResult result, StudyContext context)
    {
        if (!described.CsvFiles.ContainsKey(ReportWriter.ResultsCsv))
        {
            throw new InvalidOperationException($"The study '{context.Title}' wrote no {ReportWriter.ResultsCsv}.");
        }

        var json = ReportWriter.ToJson(context);
        foreach (var (name, value) in ReportWriter.ToJson(result))
        {
            json[name] = value?.DeepClone();
        }

        return new Report(context.Title, described.Summary, [.. described.Sections, .. ContextSections.Of(context)], described.CsvFiles, json);
    }
}
