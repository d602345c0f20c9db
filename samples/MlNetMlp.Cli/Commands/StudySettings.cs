using System.ComponentModel;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>
/// Options shared by the study commands (<c>regularization</c>, <c>uncertainty</c>): those of every command that trains,
/// and where its report goes.
/// </summary>
internal abstract class StudySettings : DatasetSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Report folder; default: out/<command>-<dataset>")]
    public string? Out { get; init; }
}
