using System.ComponentModel;
using MlNetMlp.Cli.Data;
using MlNetMlp.Cli.Options;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>Options shared by the commands that train: which data set, where its files are, how much of it, the seed.</summary>
internal abstract class DatasetSettings : CheckedSettings
{
    [CommandArgument(0, "<dataset>")]
    [Description("mnist or imdb")]
    public string Dataset { get; init; } = "";

    [CommandOption("--data <PATH>")]
    [Description("MNIST: a folder of IDX files. IMDb: the aclImdb folder or aclImdb_v1.tar.gz. Default: MNIST's embedded sample; IMDb from the download cache.")]
    public string? Data { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("MLP epochs, at least 1; default: the recipe's (train and compare: MNIST 5, IMDb 4; regularization: 20; uncertainty: MNIST 10, IMDb 20)")]
    public string? EpochsText { get; init; }

    [CommandOption("--rows <N>")]
    [Description("Use at most N rows (at least 1) of the training and of the test data: a seeded subset")]
    public string? RowsText { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed of the MLContext, the MLP and the subset, a whole number")]
    [DefaultValue("1")]
    public string SeedText { get; init; } = "1";

    public DatasetKind Kind => DatasetSource.Parse(Dataset);

    public int? Epochs => OptionValue.Integer("--epochs", EpochsText, minimum: 1);

    public int? Rows => OptionValue.Integer("--rows", RowsText, minimum: 1);

    public int Seed => OptionValue.Integer("--seed", SeedText, minimum: int.MinValue)!.Value;

    protected override void Check()
    {
        if (Dataset.Trim().ToLowerInvariant() is not ("mnist" or "imdb"))
        {
            throw new UsageException($"<dataset>: expected a data set name, mnist or imdb. Received: '{Dataset}'.");
        }

        _ = (Epochs, Rows, Seed);
    }
}
