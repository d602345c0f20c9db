using System.ComponentModel;
using MlNetMlp.Callbacks;
using MlNetMlp.Cli.Options;
using MlNetMlp.Schedules;
using Spectre.Console.Cli;

namespace MlNetMlp.Cli.Commands;

/// <summary>
/// The options that steer how a network trains, beside what it is (<see cref="NetworkSettings"/>): the learning-rate
/// schedule, weight decay, Adam's β2, gradient clipping, class weights, label smoothing, and the callbacks that lower
/// the rate, checkpoint and back up. Each left out keeps the recipe's (a constant rate, none of the rest).
/// </summary>
internal abstract class TrainingControlSettings : DatasetSettings
{
    private static readonly IReadOnlyDictionary<string, ScheduleName> Schedules = new Dictionary<string, ScheduleName>
    {
        ["cosine"] = ScheduleName.Cosine,
        ["exponential"] = ScheduleName.Exponential,
        ["inverse-time"] = ScheduleName.InverseTime,
        ["polynomial"] = ScheduleName.Polynomial,
        ["cosine-restarts"] = ScheduleName.CosineRestarts,
        ["one-cycle"] = ScheduleName.OneCycle,
    };

    private enum ScheduleName
    {
        Cosine,
        Exponential,
        InverseTime,
        Polynomial,
        CosineRestarts,
        OneCycle,
    }

    [CommandOption("--lr-schedule <NAME>")]
    [Description("The learning rate per epoch, from --learning-rate: cosine (with --warmup), exponential and inverse-time (--decay-rate), polynomial (to 1 % of it), cosine-restarts, one-cycle (peaking at it); default: constant")]
    public string? ScheduleText { get; init; }

    [CommandOption("--warmup <EPOCHS>")]
    [Description("With --lr-schedule cosine: epochs of linear warmup before the decay, from rate/(EPOCHS + 1) up to the rate")]
    public string? WarmupText { get; init; }

    [CommandOption("--decay-rate <FACTOR>")]
    [Description("With --lr-schedule exponential (the rate's factor per epoch, default 0.9) or inverse-time (default 0.5)")]
    public string? DecayRateText { get; init; }

    [CommandOption("--weight-decay <DECAY>")]
    [Description("Decoupled weight decay on the kernels (w -= w·decay·lr each step, as Keras's weight_decay); default: 0.004 with adamw, none otherwise")]
    public string? WeightDecayText { get; init; }

    [CommandOption("--beta2 <B>")]
    [Description("Adam's, AdamW's and Nadam's second-moment decay, in [0, 1); default: 0.999")]
    public string? Beta2Text { get; init; }

    [CommandOption("--clipnorm <NORM>")]
    [Description("Clip each weight's gradient to this L2 norm (Keras's clipnorm)")]
    public string? ClipNormText { get; init; }

    [CommandOption("--global-clipnorm <NORM>")]
    [Description("Clip all gradients together to this L2 norm (Keras's global_clipnorm)")]
    public string? GlobalClipNormText { get; init; }

    [CommandOption("--clipvalue <VALUE>")]
    [Description("Clamp every gradient value to [-VALUE, VALUE] (Keras's clipvalue)")]
    public string? ClipValueText { get; init; }

    [CommandOption("--class-weights <WEIGHTS>")]
    [Description("balanced (scikit-learn's n/(classes·rows of the class)), or one weight per class separated by commas")]
    public string? ClassWeightsText { get; init; }

    [CommandOption("--label-smoothing <S>")]
    [Description("Keras's label smoothing of the cross-entropy targets, in [0, 1)")]
    public string? LabelSmoothingText { get; init; }

    [CommandOption("--reduce-lr <PATIENCE>")]
    [Description("ReduceLROnPlateau: multiply the rate by 0.1 after PATIENCE epochs without a lower validation loss (needs a validation split)")]
    public string? ReduceLearningRateText { get; init; }

    [CommandOption("--checkpoint <DIR>")]
    [Description("ModelCheckpoint: save the model after every epoch as DIR/model-NNN.zip, written atomically")]
    public string? CheckpointDirectory { get; init; }

    [CommandOption("--resume <DIR>")]
    [Description("BackupAndRestore: back the run up in DIR after every epoch; run the same command again after a crash or kill to resume after the last completed epoch")]
    public string? ResumeDirectory { get; init; }

    /// <summary>The library option each option above sets, for messages about its rules.</summary>
    protected static IReadOnlyDictionary<string, string> TrainingControlFlags { get; } = new Dictionary<string, string>
    {
        [nameof(MlpOptions.LearningRateSchedule)] = "--lr-schedule",
        ["decaySteps"] = "--lr-schedule",
        ["totalSteps"] = "--epochs",
        ["pctStart"] = "--epochs",
        ["warmupSteps"] = "--warmup",
        ["decayRate"] = "--decay-rate",
        [nameof(MlpOptions.WeightDecay)] = "--weight-decay",
        [nameof(MlpOptions.Beta2)] = "--beta2",
        [nameof(MlpOptions.ClipNorm)] = "--clipnorm",
        [nameof(MlpOptions.GlobalClipNorm)] = "--global-clipnorm",
        [nameof(MlpOptions.ClipValue)] = "--clipvalue",
        [nameof(MlpOptions.ClassWeights)] = "--class-weights",
        [nameof(MlpOptions.LabelSmoothing)] = "--label-smoothing",
        [nameof(MlpOptions.Callbacks)] = "--reduce-lr",
    };

    private ScheduleName? Schedule => OptionValue.Name("--lr-schedule", ScheduleText, Schedules);

    public int? Warmup => OptionValue.Integer("--warmup", WarmupText, minimum: 0);

    public float? DecayRate => OptionValue.Number("--decay-rate", DecayRateText);

    public float? WeightDecay => OptionValue.Number("--weight-decay", WeightDecayText);

    public float? Beta2 => OptionValue.Number("--beta2", Beta2Text);

    public float? ClipNorm => OptionValue.Number("--clipnorm", ClipNormText);

    public float? GlobalClipNorm => OptionValue.Number("--global-clipnorm", GlobalClipNormText);

    public float? ClipValue => OptionValue.Number("--clipvalue", ClipValueText);

    public MlpClassWeights? ClassWeights => ClassWeightsText is null ? null
        : ClassWeightsText.Trim().Equals("balanced", StringComparison.OrdinalIgnoreCase) ? MlpClassWeights.Balanced
        : MlpClassWeights.Of([.. OptionValue.NumberList("--class-weights", ClassWeightsText, "balanced, or weights separated by commas, e.g. 1,5")!]);

    public float? LabelSmoothing => OptionValue.Number("--label-smoothing", LabelSmoothingText);

    public int? ReduceLearningRatePatience => OptionValue.Integer("--reduce-lr", ReduceLearningRateText, minimum: 0);

    /// <summary>Applies the training-control options given to <paramref name="options"/>, whose epochs and rate are already final.</summary>
    protected void ApplyTrainingControl(MlpOptions options)
    {
        if (WarmupText is not null && Schedule != ScheduleName.Cosine)
        {
            throw new UsageException("--warmup: expected --lr-schedule cosine, whose warmup it sets.");
        }

        if (DecayRateText is not null && Schedule is not (ScheduleName.Exponential or ScheduleName.InverseTime))
        {
            throw new UsageException("--decay-rate: expected --lr-schedule exponential or inverse-time, whose decay it sets.");
        }

        if (Schedule is { } schedule)
        {
            options.LearningRateSchedule = PerEpochSchedule(schedule, options.LearningRate, options.Epochs);
        }

        options.WeightDecay = WeightDecay ?? options.WeightDecay;
        options.Beta2 = Beta2 ?? options.Beta2;
        options.ClipNorm = ClipNorm ?? options.ClipNorm;
        options.GlobalClipNorm = GlobalClipNorm ?? options.GlobalClipNorm;
        options.ClipValue = ClipValue ?? options.ClipValue;
        options.ClassWeights = ClassWeights ?? options.ClassWeights;
        options.LabelSmoothing = LabelSmoothing ?? options.LabelSmoothing;
        var callbacks = new List<MlpCallback>(options.Callbacks);
        if (ReduceLearningRatePatience is { } patience)
        {
            callbacks.Add(new ReduceLROnPlateau(patience: patience));
        }

        if (CheckpointDirectory is { } checkpoints)
        {
            callbacks.Add(new ModelCheckpoint(Path.Combine(checkpoints, "model-{epoch:000}.zip")));
        }

        if (ResumeDirectory is { } backup)
        {
            callbacks.Add(new BackupAndRestore(backup));
        }

        options.Callbacks = callbacks;
    }

    protected override void Check()
    {
        base.Check();
        _ = (Schedule, Warmup, DecayRate, WeightDecay, Beta2, ClipNorm, GlobalClipNorm, ClipValue, ClassWeights, LabelSmoothing, ReduceLearningRatePatience);
    }

    /// <summary>The schedule <paramref name="name"/> names, in epochs (the command does not know the steps an epoch takes before it reads the data).</summary>
    private MlpLearningRateSchedule PerEpochSchedule(ScheduleName name, float rate, int epochs)
    {
        var warmup = Warmup ?? 0;
        return name switch
        {
            ScheduleName.Cosine => warmup > 0
                ? new CosineDecay(rate / (warmup + 1.0), Math.Max(1, epochs - warmup), warmupTarget: rate, warmupSteps: warmup) { Unit = MlpScheduleUnit.Epoch }
                : new CosineDecay(rate, epochs) { Unit = MlpScheduleUnit.Epoch },
            ScheduleName.Exponential => new ExponentialDecay(rate, 1, DecayRate ?? 0.9) { Unit = MlpScheduleUnit.Epoch },
            ScheduleName.InverseTime => new InverseTimeDecay(rate, 1, DecayRate ?? 0.5) { Unit = MlpScheduleUnit.Epoch },
            ScheduleName.Polynomial => new PolynomialDecay(rate, Math.Max(1, epochs - 1), rate / 100.0) { Unit = MlpScheduleUnit.Epoch },
            ScheduleName.CosineRestarts => new CosineDecayRestarts(rate, Math.Max(1, epochs / 3)) { Unit = MlpScheduleUnit.Epoch },
            _ => new OneCycle(rate, epochs) { Unit = MlpScheduleUnit.Epoch },
        };
    }
}
