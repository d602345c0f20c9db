using System.ComponentModel;
using MlNetMlp.Cli.Options;
using MlNetMlp.Experiments;
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

    /// <summary>The data set the argument names.</summary>
    public Experiments.Dataset Source => DatasetRegistry.Find(Dataset)!;

    public int? Epochs => OptionValue.Integer("--epochs", EpochsText, minimum: int.MinValue);

    public int? Rows => OptionValue.Integer("--rows", RowsText, minimum: 1);

    public int Seed => OptionValue.Integer("--seed", SeedText, minimum: int.MinValue)!.Value;

    /// <summary>What to read: the path, the subset and its seed.</summary>
    public DataRequest Request => new(Data, Rows, Seed);

    /// <summary>The data sets this command takes; every registered one unless a command says otherwise.</summary>
    protected virtual IReadOnlyList<string> Datasets => [.. DatasetRegistry.All.Select(d => d.Name)];

    protected override void Check()
    {
        if (DatasetRegistry.Find(Dataset) is null || !Datasets.Contains(Source.Name))
        {
            throw new UsageException($"<dataset>: expected a data set name, {string.Join(" or ", Datasets)}. Received: '{Dataset}'.");
        }

        _ = (Epochs, Rows, Seed);
    }
}
