using MlNetMlp.Experiments;
using MlNetMlp.Experiments.Studies;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>Writes the report of a study result built by hand, with the context a real run would record, as the study runner does.</summary>
internal static class StudyReports
{
    public static ReportFiles Write(ComparisonResult result, StudyContext context, string directory) =>
        StudyRunner.Outcome(new ComparisonStudy(DatasetRegistry.Find("mnist")!), result, context).Write(directory);

    public static ReportFiles Write(RegularizationResult result, StudyContext context, string directory) =>
        StudyRunner.Outcome(new RegularizationStudy(), result, context).Write(directory);

    public static ReportFiles Write(UncertaintyResult result, StudyContext context, string directory) =>
        StudyRunner.Outcome(new UncertaintyStudy(DatasetRegistry.Find("mnist")!), result, context).Write(directory);

    /// <summary>A context as a run on a two-core Debian machine would record it.</summary>
    public static StudyContext Context(string title, DataDescription data, IReadOnlyDictionary<string, string>? versions = null) => new()
    {
        Title = title,
        Data = data,
        Machine = new MachineDescription(2, "Debian GNU/Linux 12", ".NET 10.0.0", "X64"),
        Versions = versions ?? new Dictionary<string, string> { ["Microsoft.ML"] = "6.0.0" },
    };
}

/// <summary>Data a test made itself, as a data set's <c>Load</c> would hand it to a study.</summary>
internal static class StudyData
{
    /// <summary>The parts as the data set named <paramref name="dataset"/> loads them, described with <paramref name="source"/> and their row counts.</summary>
    public static LoadedData Of(string dataset, Microsoft.ML.IDataView train, Microsoft.ML.IDataView test, string source = "given by the test")
    {
        var known = DatasetRegistry.Find(dataset)!;
        return new LoadedData(known, train, test, new DataDescription(known.DisplayName, source, Rows(train), Rows(test)));
    }

    private static long Rows(Microsoft.ML.IDataView data)
    {
        long rows = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            rows++;
        }

        return rows;
    }
}
