using System.ComponentModel;
using MlNetMlp.Cli.Options;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>
/// Options of the commands that train an MLP (train, compare): the network and its training. Each option left out keeps
/// the data set's recipe (MNIST 784-512-10, IMDb 10000-16-16-1; RMSprop with learning rate 0.001; batch 128 and 512).
/// </summary>
internal abstract class NetworkSettings : TrainingControlSettings
{
    private static readonly IReadOnlyDictionary<string, MlpActivation> Activations = Enum.GetValues<MlpActivation>()
        .Where(activation => activation is not (MlpActivation.Auto or MlpActivation.Softmax))
        .ToDictionary(activation => activation.ToString().ToLowerInvariant());

    private static readonly IReadOnlyDictionary<string, MlpOptimizer> Optimizers = new Dictionary<string, MlpOptimizer>
    {
        ["rmsprop"] = MlpOptimizer.RmsProp,
        ["adam"] = MlpOptimizer.Adam,
        ["adamw"] = MlpOptimizer.AdamW,
        ["nadam"] = MlpOptimizer.Nadam,
        ["sgd"] = MlpOptimizer.Sgd,
    };

    [CommandOption("--hidden <UNITS>")]
    [Description("Hidden dense layers, units separated by commas, e.g. 16,16; default: the recipe's (MNIST 512, IMDb 16,16)")]
    public string? HiddenText { get; init; }

    [CommandOption("--activation <NAME>")]
    [Description("Activation of the hidden layers: relu, tanh, sigmoid, elu, gelu, selu, silu, mish or linear; default: relu")]
    public string? ActivationText { get; init; }

    [CommandOption("--dropout <RATE>")]
    [Description("A Dropout layer of this rate (0 <= RATE < 1) after each hidden layer; default: none")]
    public string? DropoutText { get; init; }

    [CommandOption("--l1 <FACTOR>")]
    [Description("L1 penalty factor (at least 0) on every hidden layer's kernel, as Keras's regularizers.l1; default: none")]
    public string? L1Text { get; init; }

    [CommandOption("--l2 <FACTOR>")]
    [Description("L2 penalty factor (at least 0) on every hidden layer's kernel, as Keras's regularizers.l2; default: none")]
    public string? L2Text { get; init; }

    [CommandOption("--optimizer <NAME>")]
    [Description("rmsprop, adam, adamw, nadam or sgd; default: rmsprop")]
    public string? OptimizerText { get; init; }

    [CommandOption("--learning-rate <RATE>")]
    [Description("Learning rate, above 0; default: 0.001")]
    public string? LearningRateText { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Examples per mini-batch, at least 1; default: the recipe's (MNIST 128, IMDb 512)")]
    public string? BatchSizeText { get; init; }

    [CommandOption("--validation-split <FRACTION>")]
    [Description("Fraction of the training rows (0 <= FRACTION < 1) held out to validate after each epoch (the last rows, as Keras takes them)")]
    public string? ValidationSplitText { get; init; }

    [CommandOption("--early-stopping <PATIENCE>")]
    [Description("Stop when the validation loss has not improved for PATIENCE epochs (at least 0) and keep the best epoch's weights; needs a validation split")]
    public string? EarlyStoppingText { get; init; }

    /// <summary>The library option (or layer argument) each network option sets, for messages about its rules.</summary>
    private static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>(TrainingControlFlags)
    {
        ["Layers.units"] = "--hidden",
        ["Layers.activation"] = "--activation",
        [nameof(MlpOptions.Activation)] = "--activation",
        ["Layers.rate"] = "--dropout",
        ["Layers.l1"] = "--l1",
        ["Layers.l2"] = "--l2",
        [nameof(MlpOptions.Optimizer)] = "--optimizer",
        [nameof(MlpOptions.LearningRate)] = "--learning-rate",
        [nameof(MlpOptions.BatchSize)] = "--batch-size",
        [nameof(MlpOptions.Epochs)] = "--epochs",
        [nameof(MlpOptions.ValidationFraction)] = "--validation-split",
        [nameof(MlpOptions.EarlyStopping)] = "--early-stopping",
    };

    public int[]? Hidden => OptionValue.IntegerList("--hidden", HiddenText);

    public MlpActivation? Activation => OptionValue.Name("--activation", ActivationText, Activations);

    public float? Dropout => OptionValue.Number("--dropout", DropoutText);

    public float? L1 => OptionValue.Number("--l1", L1Text);

    public float? L2 => OptionValue.Number("--l2", L2Text);

    public MlpOptimizer? Optimizer => OptionValue.Name("--optimizer", OptimizerText, Optimizers);

    public float? LearningRate => OptionValue.Number("--learning-rate", LearningRateText);

    public int? BatchSize => OptionValue.Integer("--batch-size", BatchSizeText, minimum: int.MinValue);

    public float? ValidationSplit => OptionValue.Number("--validation-split", ValidationSplitText);

    public int? EarlyStoppingPatience => OptionValue.Integer("--early-stopping", EarlyStoppingText, minimum: int.MinValue);

    /// <summary>The validation split when <c>--validation-split</c> is left out; null keeps the recipe's (none).</summary>
    protected abstract float? DefaultValidationSplit { get; }

    /// <summary>
    /// Applies the options given on the command line to the recipe's options and returns them. The hidden layers are rebuilt
    /// when any of <c>--hidden</c>, <c>--activation</c>, <c>--dropout</c>, <c>--l1</c>, <c>--l2</c> is given; what is not
    /// given keeps the recipe's value.
    /// </summary>
    public MlpOptions Shape(MlpOptions recipe)
    {
        if (HiddenText is not null || ActivationText is not null || DropoutText is not null || L1Text is not null || L2Text is not null)
        {
            var layers = recipe.GetHiddenLayers();
            var dense = layers.OfType<DenseLayer>().ToList();
            var units = Hidden ?? [.. dense.Select(layer => layer.Units)];
            var activation = Activation ?? dense.FirstOrDefault()?.Activation ?? recipe.Activation;
            var l1 = L1 ?? dense.FirstOrDefault()?.L1 ?? 0;
            var l2 = L2 ?? dense.FirstOrDefault()?.L2 ?? 0;
            var dropout = Dropout ?? layers.OfType<DropoutLayer>().FirstOrDefault()?.Rate ?? 0;
            recipe.HiddenLayers = null;
            recipe.Layers = [.. units.SelectMany(unitCount => dropout > 0
                ? [MlpLayer.Dense(unitCount, activation, l1, l2), MlpLayer.Dropout(dropout)]
                : new[] { MlpLayer.Dense(unitCount, activation, l1, l2) })];
        }

        recipe.Epochs = Epochs ?? recipe.Epochs;
        recipe.Optimizer = Optimizer ?? recipe.Optimizer;
        recipe.LearningRate = LearningRate ?? recipe.LearningRate;
        recipe.BatchSize = BatchSize ?? recipe.BatchSize;
        recipe.ValidationFraction = ValidationSplit ?? DefaultValidationSplit ?? recipe.ValidationFraction;
        if (EarlyStoppingPatience is { } patience)
        {
            recipe.EarlyStopping = new MlpEarlyStopping { Monitor = MlpMonitor.ValidationLoss, Patience = patience, RestoreBestWeights = true };
        }

        ApplyTrainingControl(recipe);
        return recipe;
    }

    /// <summary>The data set's course network shaped by the options given, checked by the library's rules.</summary>
    /// <returns>Fresh options; the MLP's seed is the command's.</returns>
    public MlpOptions Network() => OptionRules.Checked(() =>
    {
        var options = Shape(Source.CreateNetwork());
        options.Seed = Seed;
        options.Validate();
        return options;
    }, Flags);

    protected override void Check()
    {
        base.Check();
        _ = (Hidden, Activation, Dropout, L1, L2, Optimizer, LearningRate, BatchSize, ValidationSplit, EarlyStoppingPatience);
        _ = Network();
    }
}
