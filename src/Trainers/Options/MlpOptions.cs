using System.Globalization;
using Microsoft.ML;
using MlNetMlp.Callbacks;
using MlNetMlp.Schedules;

namespace MlNetMlp;

/// <summary>
/// Everything that configures the MLP trainer. Defaults follow Keras (RMSprop with lr 1e-3, Glorot-uniform kernels,
/// batch size 32) and the course's task table (the output activation and loss follow the task). Every rule is checked
/// when the trainer is built, with the option's name in the message.
/// </summary>
public sealed class MlpOptions
{
    /// <summary>Default values of the options, in one place.</summary>
    public static class Defaults
    {
        /// <summary>The label column.</summary>
        public const string LabelColumnName = "Label";

        /// <summary>The feature column.</summary>
        public const string FeatureColumnName = "Features";

        /// <summary>Units of the single hidden layer used when neither <see cref="Layers"/> nor <see cref="HiddenLayers"/> is set (the course's MNIST network).</summary>
        public const int HiddenUnits = 512;

        /// <summary>Hidden-layer activation.</summary>
        public const MlpActivation Activation = MlpActivation.Relu;

        /// <summary>Passes over the training data.</summary>
        public const int Epochs = 10;

        /// <summary>Examples per mini-batch (Keras's default).</summary>
        public const int BatchSize = 32;

        /// <summary>Learning rate (Keras's default for RMSprop and Adam).</summary>
        public const float LearningRate = 1e-3f;

        /// <summary>RMSprop's decay of the squared-gradient average (Keras's rho).</summary>
        public const float Rho = 0.9f;

        /// <summary>The ε of RMSprop and Adam (Keras's default).</summary>
        public const float Epsilon = 1e-7f;

        /// <summary>Adam's β1 (Keras's default).</summary>
        public const float Beta1 = 0.9f;

        /// <summary>Adam's β2 (Keras's default).</summary>
        public const float Beta2 = 0.999f;

        /// <summary>AdamW's weight decay when <see cref="WeightDecay"/> is not set (Keras's default).</summary>
        public const float AdamWWeightDecay = 0.004f;

        /// <summary>Data up to this many bytes (features, labels and weights) is cached in memory once; larger data is streamed every epoch.</summary>
        public const long InMemoryCacheLimitBytes = 2L << 30;
    }

    /// <summary>The label column: key, Boolean, Single, or a known-size vector of Single (one-hot, multilabel or multi-output regression).</summary>
    public string LabelColumnName { get; set; } = Defaults.LabelColumnName;

    /// <summary>The feature column: a known-size vector of Single (dense or sparse).</summary>
    public string FeatureColumnName { get; set; } = Defaults.FeatureColumnName;

    /// <summary>An optional Single column of example weights: each example's loss is multiplied by its weight.</summary>
    public string? ExampleWeightColumnName { get; set; }

    /// <summary>The task; <see cref="MlpTask.Auto"/> picks it from the label column's type.</summary>
    public MlpTask Task { get; set; } = MlpTask.Auto;

    /// <summary>The hidden layers, Keras style. The output layer is added from the task. Leave empty to use <see cref="HiddenLayers"/>.</summary>
    public IList<MlpLayer> Layers { get; set; } = [];

    /// <summary>Shortcut for dense hidden layers with <see cref="Activation"/>, e.g. <c>[16, 16]</c>; one layer of 512 when neither this nor <see cref="Layers"/> is set.</summary>
    public int[]? HiddenLayers { get; set; }

    /// <summary>Activation of the layers <see cref="HiddenLayers"/> builds.</summary>
    public MlpActivation Activation { get; set; } = Defaults.Activation;

    /// <summary>Activation of the output layer; <see cref="MlpActivation.Auto"/> follows the task (e.g. sigmoid here with MSE for regression to values in 0..1).</summary>
    public MlpActivation OutputActivation { get; set; } = MlpActivation.Auto;

    /// <summary>The loss; <see cref="MlpLoss.Auto"/> follows the task.</summary>
    public MlpLoss Loss { get; set; } = MlpLoss.Auto;

    /// <summary>How kernels start.</summary>
    public MlpKernelInitializer KernelInitializer { get; set; } = MlpKernelInitializer.GlorotUniform;

    /// <summary>The optimizer.</summary>
    public MlpOptimizer Optimizer { get; set; } = MlpOptimizer.RmsProp;

    /// <summary>The learning rate, greater than 0.</summary>
    public float LearningRate { get; set; } = Defaults.LearningRate;

    /// <summary>Momentum of <see cref="MlpOptimizer.Sgd"/>, in [0, 1).</summary>
    public float Momentum { get; set; }

    /// <summary>
    /// A learning rate that changes per step or per epoch (<see cref="MlpLearningRateSchedule"/>: exponential, piecewise
    /// constant, polynomial, inverse time, cosine with warmup, cosine with restarts, one-cycle); it replaces
    /// <see cref="LearningRate"/>, and no callback may set the rate as well. Null keeps the rate constant.
    /// </summary>
    public MlpLearningRateSchedule? LearningRateSchedule { get; set; }

    /// <summary>The decay of Adam's, AdamW's and Nadam's first moment (Keras's <c>beta_1</c>), in [0, 1).</summary>
    public float Beta1 { get; set; } = Defaults.Beta1;

    /// <summary>The decay of Adam's, AdamW's and Nadam's second moment (Keras's <c>beta_2</c>; tabular recipes use 0.95), in [0, 1).</summary>
    public float Beta2 { get; set; } = Defaults.Beta2;

    /// <summary>Adam's and AdamW's AMSGrad variant (Reddi et al.): the largest second moment so far divides the step.</summary>
    public bool Amsgrad { get; set; }

    /// <summary>
    /// Decoupled weight decay, Keras 3's <c>weight_decay</c> for every optimizer: w -= w·decay·lr before each step (not an
    /// L2 penalty in the loss). Null means the optimizer's default: 0.004 for <see cref="MlpOptimizer.AdamW"/> (Keras's),
    /// none for the others. Kernels only, unless <see cref="WeightDecayOnEveryWeight"/>.
    /// </summary>
    public float? WeightDecay { get; set; }

    /// <summary>Whether weight decay also shrinks biases and normalization weights (excluded by default, as Keras's recipes and the AdamW paper do).</summary>
    public bool WeightDecayOnEveryWeight { get; set; }

    /// <summary>Keras's <c>clipnorm</c>: each weight's gradient rescaled to at most this L2 norm before the step; not with the other clippings.</summary>
    public float? ClipNorm { get; set; }

    /// <summary>Keras's <c>global_clipnorm</c>: all gradients rescaled together so their joint L2 norm is at most this.</summary>
    public float? GlobalClipNorm { get; set; }

    /// <summary>Keras's <c>clipvalue</c>: every gradient value clamped to [-v, v].</summary>
    public float? ClipValue { get; set; }

    /// <summary>
    /// A weight per class in the training loss, as Keras's <c>class_weight</c>, or balanced as scikit-learn's
    /// <c>class_weight='balanced'</c>; multiplied with <see cref="ExampleWeightColumnName"/>'s weights. Binary and
    /// multiclass classification only; the validation loss is unweighted, as in Keras.
    /// </summary>
    public MlpClassWeights? ClassWeights { get; set; }

    /// <summary>
    /// Keras's <c>label_smoothing</c> for binary and categorical cross-entropy, in [0, 1): targets become t·(1 - s) + s/K
    /// over K classes (K = 2 for a binary label), in the training and the validation loss.
    /// </summary>
    public float LabelSmoothing { get; set; }

    /// <summary>
    /// Callbacks that steer training, run in this order after the built-in <see cref="TerminateOnNaN"/> and the
    /// <see cref="Progress"/> report, and before <see cref="EarlyStopping"/>: <see cref="Callbacks.EarlyStopping"/>,
    /// <see cref="ReduceLROnPlateau"/>, <see cref="LearningRateScheduler"/>, <see cref="ModelCheckpoint"/>,
    /// <see cref="CsvLogger"/>, <see cref="BackupAndRestore"/>, or your own <see cref="MlpCallback"/>.
    /// </summary>
    public IList<MlpCallback> Callbacks { get; set; } = [];

    /// <summary>Passes over the training data, at least 1.</summary>
    public int Epochs { get; set; } = Defaults.Epochs;

    /// <summary>Examples per mini-batch, at least 1.</summary>
    public int BatchSize { get; set; } = Defaults.BatchSize;

    /// <summary>Whether the training examples are shuffled before each epoch.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>Seed of weight initialization, dropout and shuffling; when null, drawn from the <c>MLContext</c>'s seed.</summary>
    public int? Seed { get; set; }

    /// <summary>Fraction of the training rows held out for validation, taken from the end as Keras's <c>validation_split</c>; in [0, 1).</summary>
    public float ValidationFraction { get; set; }

    /// <summary>Separate validation data with the same columns as the training data (not together with <see cref="ValidationFraction"/>).</summary>
    public IDataView? ValidationData { get; set; }

    /// <summary>Early stopping, or null to train all <see cref="Epochs"/>.</summary>
    public MlpEarlyStopping? EarlyStopping { get; set; }

    /// <summary>
    /// A trained model whose weights start training: fine-tuning, or with frozen layers (<c>trainable: false</c>) transfer
    /// learning. Its hidden layers must hold the same weights as this network's; its output layer is taken when
    /// <see cref="InitialWeightsIncludeTop"/> is on and it fits the task, and otherwise starts afresh.
    /// </summary>
    public MlpModel? InitialWeights { get; set; }

    /// <summary>
    /// Whether <see cref="InitialWeights"/>' output layer starts this network's, as Keras's <c>include_top</c>: true
    /// (the default) continues the same task; false starts a new head, as transfer to another task with as many
    /// outputs needs (a head of another size always starts afresh).
    /// </summary>
    public bool InitialWeightsIncludeTop { get; set; } = true;

    /// <summary>
    /// Threads libtorch uses (process-wide, <c>torch.set_num_threads</c>); null means one fewer than the processor count,
    /// at least one, which keeps training fast when other work shares the machine (see the README's Benchmarks section).
    /// The count changes the last bits of a seeded run: set it to reproduce a run exactly on another machine.
    /// </summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>The device to train on.</summary>
    public MlpDevice Device { get; set; } = MlpDevice.Cpu;

    /// <summary>
    /// Monte Carlo dropout at prediction time, or null for none: the trained transformer adds the mean and standard
    /// deviation of this many passes with dropout left on (see <see cref="MlpTransformer.WithMonteCarloDropout"/>);
    /// the masks are seeded from <see cref="Seed"/>. Needs at least one <see cref="MlpLayer.Dropout"/> layer.
    /// </summary>
    public int? MonteCarloSamples { get; set; }

    /// <summary>Called after every epoch with its figures (also written to <c>mlContext.Log</c>).</summary>
    public Action<MlpEpoch>? Progress { get; set; }

    /// <summary>
    /// Training data whose features, labels and weights fit in this many bytes is read once into a compact in-memory
    /// cache (dense rows, or indices and values for sparse rows), and each epoch shuffles indices into it. Larger data
    /// is streamed from its source every epoch, which costs a full read per epoch and, where the source cannot shuffle,
    /// trains in source order.
    /// </summary>
    public long InMemoryCacheLimitBytes { get; set; } = Defaults.InMemoryCacheLimitBytes;

    /// <summary>
    /// Checks every rule, as the trainer does when it is built; throws <see cref="ArgumentException"/> whose
    /// <see cref="ArgumentException.ParamName"/> is the option at fault (for a layer, <see cref="Layers"/>, and its message names the layer and its argument).
    /// </summary>
    /// <exception cref="ArgumentException">An option is missing, out of range, or does not go with another.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumnName, nameof(LabelColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(FeatureColumnName, nameof(FeatureColumnName));
        RequireDefined(Task, nameof(Task));
        RequireDefined(Activation, nameof(Activation));
        RequireDefined(OutputActivation, nameof(OutputActivation));
        RequireDefined(Loss, nameof(Loss));
        RequireDefined(KernelInitializer, nameof(KernelInitializer));
        RequireDefined(Optimizer, nameof(Optimizer));
        RequireDefined(Device, nameof(Device));
        Require(Epochs >= 1, nameof(Epochs), "epochs >= 1", $"epochs={Epochs}");
        Require(BatchSize >= 1, nameof(BatchSize), "batchSize >= 1", $"batchSize={BatchSize}");
        Require(LearningRate > 0 && float.IsFinite(LearningRate), nameof(LearningRate), "a finite learningRate > 0", $"learningRate={Format(LearningRate)}");
        Require(Momentum >= 0 && Momentum < 1, nameof(Momentum), "momentum in [0, 1)", $"momentum={Format(Momentum)}");
        Require(ValidationFraction >= 0 && ValidationFraction < 1, nameof(ValidationFraction), "validationFraction in [0, 1)", $"validationFraction={Format(ValidationFraction)}");
        Require(ValidationFraction == 0 || ValidationData is null, nameof(ValidationData), "either validationFraction or validationData, not both", $"validationFraction={Format(ValidationFraction)} and validationData");
        Require(NumberOfThreads is null or >= 1, nameof(NumberOfThreads), "numberOfThreads >= 1 or null", $"numberOfThreads={NumberOfThreads}");
        Require(InMemoryCacheLimitBytes >= 0, nameof(InMemoryCacheLimitBytes), "inMemoryCacheLimitBytes >= 0", $"inMemoryCacheLimitBytes={InMemoryCacheLimitBytes}");
        Require(Activation != MlpActivation.Auto, nameof(Activation), "an explicit hidden activation", "activation=Auto");
        Require(Activation != MlpActivation.Softmax, nameof(Activation), "a hidden activation other than Softmax (the output layer is added from the task; set OutputActivation to change it)", "activation=Softmax");
        Require(Layers is not null, nameof(Layers), "a list (possibly empty)", "null");
        Require(Layers!.Count == 0 || HiddenLayers is null, nameof(HiddenLayers), "either layers or hiddenLayers, not both", $"{Layers.Count} layers and hiddenLayers=[{string.Join(", ", HiddenLayers ?? [])}]");
        if (HiddenLayers is not null)
        {
            Require(HiddenLayers.All(units => units >= 1), nameof(HiddenLayers), "units >= 1 in every hidden layer", $"hiddenLayers=[{string.Join(", ", HiddenLayers)}]");
        }

        for (var i = 0; i < Layers.Count; i++)
        {
            Require(Layers[i] is not null, nameof(Layers), "a layer at every position", $"null at position {i}");
            Layers[i].Validate(nameof(Layers), $"Layer {i} ({Layers[i]})");
        }

        if (MonteCarloSamples is { } samples)
        {
            MlpTransformer.CheckMonteCarloDropout(GetHiddenLayers(), samples, nameof(MonteCarloSamples));
        }

        Require(Beta1 >= 0 && Beta1 < 1, nameof(Beta1), "beta1 in [0, 1)", $"beta1={Format(Beta1)}");
        Require(Beta2 >= 0 && Beta2 < 1, nameof(Beta2), "beta2 in [0, 1)", $"beta2={Format(Beta2)}");
        Require(!Amsgrad || Optimizer is MlpOptimizer.Adam or MlpOptimizer.AdamW, nameof(Amsgrad), "amsgrad with Adam or AdamW only", $"amsgrad with {Optimizer}");
        Require(WeightDecay is null || (WeightDecay >= 0 && float.IsFinite(WeightDecay.Value)), nameof(WeightDecay), "a finite weightDecay >= 0", $"weightDecay={Format(WeightDecay ?? 0)}");
        foreach (var (value, name) in new[] { (ClipNorm, nameof(ClipNorm)), (GlobalClipNorm, nameof(GlobalClipNorm)), (ClipValue, nameof(ClipValue)) })
        {
            Require(value is null || (value > 0 && float.IsFinite(value.Value)), name, $"a finite {char.ToLowerInvariant(name[0])}{name[1..]} > 0", $"{char.ToLowerInvariant(name[0])}{name[1..]}={Format(value ?? 0)}");
        }

        var clippings = new[] { (ClipNorm, "clipNorm"), (GlobalClipNorm, "globalClipNorm"), (ClipValue, "clipValue") }.Where(c => c.Item1 is not null).Select(c => c.Item2).ToList();
        Require(clippings.Count <= 1, nameof(ClipNorm), "at most one of clipNorm, globalClipNorm and clipValue (as Keras)", string.Join(" and ", clippings));
        Require(LabelSmoothing >= 0 && LabelSmoothing < 1, nameof(LabelSmoothing), "labelSmoothing in [0, 1)", $"labelSmoothing={Format(LabelSmoothing)}");
        var classifies = Task is not (MlpTask.Regression or MlpTask.MultilabelClassification);
        Require(classifies || LabelSmoothing == 0, nameof(LabelSmoothing), "labelSmoothing with binary and multiclass classification only", $"task={Task}");
        Require(classifies || ClassWeights is null, nameof(ClassWeights), "classWeights with binary and multiclass classification only", $"task={Task}");
        ClassWeights?.Validate(nameof(ClassWeights));
        Require(Callbacks is not null, nameof(Callbacks), "a list (possibly empty)", "null");
        for (var i = 0; i < Callbacks!.Count; i++)
        {
            var callback = Callbacks[i];
            Require(callback is not null, nameof(Callbacks), "a callback at every position", $"null at position {i}");
            Require(callback!.Monitors is not { } figure || !figure.StartsWith(MlpEpoch.ValidationPrefix, StringComparison.Ordinal) || ValidationFraction > 0 || ValidationData is not null,
                nameof(Callbacks), $"validation data (validationFraction > 0 or validationData) for {callback} to monitor {callback.Monitors}", "none");
            Require(LearningRateSchedule is null || !callback.SetsLearningRate, nameof(Callbacks),
                "either a learningRateSchedule or a callback that sets the rate, not both (the schedule would override it at the next step)", $"{LearningRateSchedule} and {callback}");
        }

        var backups = Callbacks.OfType<BackupAndRestore>().Count();
        Require(backups <= 1, nameof(Callbacks), "at most one BackupAndRestore", $"{backups}");

        if (EarlyStopping is { } stopping)
        {
            RequireDefined(stopping.Monitor, $"{nameof(EarlyStopping)}.{nameof(MlpEarlyStopping.Monitor)}");
            Require(stopping.Patience >= 0, nameof(EarlyStopping), "patience >= 0", $"patience={stopping.Patience}");
            Require(stopping.MinDelta >= 0 && float.IsFinite(stopping.MinDelta), nameof(EarlyStopping), "a finite minDelta >= 0", $"minDelta={Format(stopping.MinDelta)}");
            var needsValidation = stopping.Monitor is MlpMonitor.ValidationLoss or MlpMonitor.ValidationMetric;
            Require(!needsValidation || ValidationFraction > 0 || ValidationData is not null, nameof(EarlyStopping),
                "validation data (validationFraction > 0 or validationData) to monitor " + stopping.Monitor, "none");
        }
    }

    /// <summary>
    /// The hidden layers these options describe: <see cref="Layers"/> as given, or else <see cref="HiddenLayers"/> as dense
    /// layers with <see cref="Activation"/> (one layer of <see cref="Defaults.HiddenUnits"/> when neither is set).
    /// </summary>
    /// <returns>The layers in the order they run; the output layer, which follows from the task, is not among them.</returns>
    public IReadOnlyList<MlpLayer> GetHiddenLayers() =>
        Layers.Count > 0 ? [.. Layers] : (HiddenLayers ?? [Defaults.HiddenUnits]).Select(units => MlpLayer.Dense(units, Activation)).ToList();

    /// <summary>A copy with <see cref="Task"/> set, so a catalog never changes the caller's options.</summary>
    internal MlpOptions WithTask(MlpTask task)
    {
        var copy = (MlpOptions)MemberwiseClone();
        copy.Task = task;
        return copy;
    }

    /// <summary>A copy with <see cref="Seed"/> set, for one member of an ensemble.</summary>
    internal MlpOptions WithSeed(int seed)
    {
        var copy = (MlpOptions)MemberwiseClone();
        copy.Seed = seed;
        return copy;
    }

    private static void Require(bool condition, string option, string expected, string received)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(option, $"Expected {expected}. Received: {received}");
        }
    }

    private static void RequireDefined<T>(T value, string option)
        where T : struct, Enum =>
        Require(Enum.IsDefined(value), option, $"one of {string.Join(", ", Enum.GetNames<T>())}", $"{char.ToLowerInvariant(option[0])}{option[1..]}={Convert.ToInt64(value, CultureInfo.InvariantCulture)}");

    private static string Format(float value) => value.ToString(CultureInfo.InvariantCulture);
}
