using System.ComponentModel;
using MlNetMlp.Cli.Options;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>
/// Options shared by the study commands (<c>regularization</c>, <c>uncertainty</c>): those of every command that trains,
/// the data sets the study takes, and where its report goes.
/// </summary>
internal abstract class StudySettings : DatasetSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Report folder; default: out/<command>-<dataset>")]
    public string? Out { get; init; }

    /// <summary>The data sets this command takes, lowercase.</summary>
    protected abstract IReadOnlyList<string> Datasets { get; }

    protected override void Check()
    {
        base.Check();
        if (!Datasets.Contains(Dataset.Trim().ToLowerInvariant()))
        {
            throw new UsageException($"<dataset>: expected a data set name, {string.Join(" or ", Datasets)}. Received: '{Dataset}'.");
        }
    }
}
