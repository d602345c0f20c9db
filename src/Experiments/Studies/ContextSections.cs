using System.Globalization;
using MlNetMlp.Experiments.Reporting;

namespace MlNetMlp.Experiments.Studies;

/// <summary>The sections every report ends with, so that a run can be read and repeated: the data, the machine and the versions.</summary>
internal static class ContextSections
{
    public static IEnumerable<ReportSection> Of(StudyContext context) =>
    [
        new("Data", [], [Data(context.Data)], []),
        new("Machine and versions", [], [Machine(context.Machine, context.CreatedAt, context.Versions)], []),
    ];

    private static ReportTable Data(DataDescription data) => new(
        ["Data", "Value"],
        [
            ["Data set", data.Name],
            ["Source", data.Source],
            ["Training rows", data.TrainRows.ToString("N0", CultureInfo.InvariantCulture)],
            ["Validation rows", data.ValidationRows?.ToString("N0", CultureInfo.InvariantCulture) ?? ReportFormat.Missing],
            ["Test rows", data.TestRows.ToString("N0", CultureInfo.InvariantCulture)],
        ]);

    private static ReportTable Machine(MachineDescription machine, DateTimeOffset createdAt, IReadOnlyDictionary<string, string> versions) => new(
        ["Item", "Value"],
        [
            ["Logical cores", machine.LogicalCores.ToString(CultureInfo.InvariantCulture)],
            ["Operating system", machine.OperatingSystem],
            ["Runtime", machine.Runtime],
            ["Architecture", machine.Architecture],
            ["Created", createdAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)],
            .. versions.Select(v => (IReadOnlyList<string>)[v.Key, v.Value]),
        ]);
}
