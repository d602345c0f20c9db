using System.ComponentModel;
using MlNetMlp.Cli.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>Options shared by the commands that train: which data set, where its files are, how much of it.</summary>
internal class DatasetSettings : CommandSettings
{
    [CommandArgument(0, "<dataset>")]
    [Description("mnist or imdb")]
    public string Dataset { get; init; } = "";

    [CommandOption("--data <PATH>")]
    [Description("MNIST: a folder of IDX files. IMDb: the aclImdb folder or aclImdb_v1.tar.gz. Default: MNIST's embedded sample; IMDb from the download cache.")]
    public string? Data { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("MLP epochs; default: the recipe's (train and compare: MNIST 5, IMDb 4; regularization: 20; uncertainty: MNIST 10, IMDb 20)")]
    public int? Epochs { get; init; }

    [CommandOption("--rows <N>")]
    [Description("Use at most N rows of the training and of the test data (a seeded subset)")]
    public int? Rows { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Seed of the MLContext, the MLP and the subset")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    public DatasetKind Kind => DatasetSource.Parse(Dataset);

    public override ValidationResult Validate()
    {
        if (Dataset.Trim().ToLowerInvariant() is not ("mnist" or "imdb"))
        {
            return ValidationResult.Error($"Expected a data set name, mnist or imdb. Received: '{Dataset}'.");
        }

        if (Epochs is <= 0)
        {
            return ValidationResult.Error($"Expected --epochs of at least 1. Received: {Epochs}.");
        }

        return Rows is <= 0 ? ValidationResult.Error($"Expected --rows of at least 1. Received: {Rows}.") : ValidationResult.Success();
    }
}
