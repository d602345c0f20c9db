using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;
using System.Globalization;
using MlNetMlp.Callbacks;
using MlNetMlp.Trainers.Callbacks;
using MlNetMlp.Core.Data;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Scoring.Prediction;
using MlNetMlp.Scoring.Tasks;
using MlNetMlp.Trainers;
using MlNetMlp.Trainers.Data;
using MlNetMlp.Trainers.Torch;
using MlNetMlp.Trainers.Torch.Optimizers;
using TorchSharp;

namespace MlNetMlp;

/// <summary>
/// Trains a Keras-style multilayer perceptron on TorchSharp as an ML.NET trainer.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>Machine learning task</term><description>Multiclass, binary and multilabel classification; regression (one or several targets).</description></item>
/// <item><term>Is normalization required?</term><description>Yes: scale features to small ranges (e.g. <c>NormalizePixels</c>, <c>NormalizeMinMax</c>).</description></item>
/// <item><term>Is caching required?</term><description>No: data that fits <see cref="MlpOptions.InMemoryCacheLimitBytes"/> is cached by the trainer.</description></item>
/// <item><term>Required NuGet in addition to Microsoft.ML</term><description>MlNetMlp.Trainers (brings TorchSharp-cpu); the trained model scores with MlNetMlp.Scoring alone.</description></item>
/// </list>
/// </remarks>
public sealed class MlpTrainer : ITrainerEstimator<MlpTransformer, MlpModel>
{
    private readonly IHost _host;
    private readonly MlpOptions _options;

    internal MlpTrainer(IHostEnvironment environment, MlpOptions options)
    {
        MlNetVersionGuard.EnsureSupported();
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        TrainingDevice.CheckAvailable(options.Device);
        _host = environment.Register(nameof(MlpTrainer));
        _options = options;
    }

    /// <summary>What ML.NET needs to know about the trainer: wants normalized features, caches by itself, supports validation data.</summary>
    public TrainerInfo Info { get; } = new(normalization: true, caching: false, supportValid: true);

    /// <summary>Trains the network on <paramref name="input"/>.</summary>
    /// <param name="input">Training data with the feature and label columns the options name.</param>
    /// <returns>The prediction transformer holding the trained <see cref="MlpModel"/>.</returns>
    public MlpTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var columns = TrainingColumns.Bind(input.Schema, _options);
        var task = columns.DecideTask(_options.Task);
        var layout = new LabelLayout(task, columns.LabelKind, columns.LabelWidth, columns.ClassNames);
        var architecture = new NetworkArchitecture(
            columns.FeatureCount,
            _options.GetHiddenLayers(),
            layout.OutputUnits,
            _options.OutputActivation == MlpActivation.Auto ? task.OutputActivation : _options.OutputActivation,
            _options.Loss == MlpLoss.Auto ? task.Loss : _options.Loss);
        CheckTaskOptions(task);
        NetworkFootprint.Check(architecture, _options.Optimizer, _options.Momentum, _options.Amsgrad, columns.Features.Name);
        TorchRuntime.EnsureStarted();
        var device = TrainingDevice.Select(_options.Device, _options.NumberOfThreads);
        using var channel = _host.Start("Training MLP");
        var (training, validation) = LoadExamples(input, columns, task, channel);
        var seed = _options.Seed ?? _host.Rand.Next();
        using var network = new MlpNetwork(architecture, _options.KernelInitializer, seed);
        if (_options.InitialWeights is { } initial)
        {
            StartFrom(network, initial, _options.InitialWeightsIncludeTop, channel);
        }

        network.to(device);
        channel.Info($"MLP: {columns.FeatureCount} inputs, {string.Join(", ", architecture.HiddenLayers)}, {layout.OutputUnits} outputs ({task}), seed {seed}.");
        var classWeights = _options.ClassWeights?.Resolve(ClassNames(layout), RowsPerClass(training, layout), columns.Label.Name);
        if (classWeights is not null)
        {
            channel.Info($"Class weights: {string.Join(", ", ClassNames(layout).Zip(classWeights, (name, weight) => $"{name} {weight.ToString("G4", CultureInfo.InvariantCulture)}"))}.");
        }

        var optimizer = Optimizer();
        var settings = new TrainingSettings(_options.Epochs, _options.BatchSize, _options.Shuffle, seed, optimizer, _options.LearningRateSchedule, task.Metric,
            _options.LabelSmoothing, classWeights, device);
        var recorded = RecordedSettings(optimizer, seed, classWeights);
        var monteCarloDropout = _options.MonteCarloSamples is { } samples ? new MlpMonteCarloDropout(samples, seed) : null;
        using var loop = new TrainingLoop(network, settings, _host.CheckAlive);
        MlpTransformer Transformer(IReadOnlyList<LayerWeights> weights, IReadOnlyList<MlpEpoch> history) =>
            new(new MlpModel(architecture, weights, task.Task, history, recorded), layout, columns.Features.Name, columns.Label.Name, monteCarloDropout);
        var callbacks = Callbacks(channel);
        var context = new MlpTrainingContext(loop, snapshot => Transformer(snapshot.Weights, [.. loop.History]), input.Schema, callbacks,
            RunDescription(architecture, optimizer, seed, training));
        var history = loop.Run(training, validation, new CallbackRunner(callbacks, context));
        return Transformer(network.ExportWeights(), history);
    }

    /// <summary>
    /// The run's callbacks in order: the non-finite-loss stop, the progress report, the options' callbacks, and early
    /// stopping from <see cref="MlpOptions.EarlyStopping"/> last (Keras's order when it is listed last).
    /// </summary>
    private List<MlpCallback> Callbacks(IChannel channel) =>
    [
        new TerminateOnNaN(),
        new ProgressReporter(message => channel.Info(message), _options.Progress),
        .. _options.Callbacks,
        .. _options.EarlyStopping is { } stopping ? [new EarlyStopping(stopping)] : Array.Empty<MlpCallback>(),
    ];

    /// <summary>
    /// The optimizer the options describe. The betas and the weight decay go to torch as the decimals they were
    /// written as (0.9, not the float's 0.8999999762); the rate and momentum as the floats they are, as always.
    /// </summary>
    private OptimizerSettings Optimizer() => new(
        _options.Optimizer,
        _options.LearningRate,
        _options.Momentum,
        Decimal(_options.Beta1),
        Decimal(_options.Beta2),
        _options.Amsgrad,
        Decimal(_options.WeightDecay ?? (_options.Optimizer == MlpOptimizer.AdamW ? MlpOptions.Defaults.AdamWWeightDecay : 0)),
        _options.WeightDecayOnEveryWeight,
        new GradientClipping(Decimal(_options.ClipNorm), Decimal(_options.GlobalClipNorm), Decimal(_options.ClipValue)));

    private static double Decimal(float value) => (double)(decimal)value;

    private static double? Decimal(float? value) => value is { } set ? Decimal(set) : null;

    /// <summary>Label smoothing and class weights apply to classification only; the task is known here, before any data is read.</summary>
    private void CheckTaskOptions(TaskDefinition task)
    {
        if (task.Task is MlpTask.Regression or MlpTask.MultilabelClassification)
        {
            if (_options.LabelSmoothing > 0)
            {
                throw new ArgumentOutOfRangeException(nameof(MlpOptions.LabelSmoothing),
                    $"Expected labelSmoothing with binary or multiclass classification only. Received: labelSmoothing={_options.LabelSmoothing.ToString(CultureInfo.InvariantCulture)} for {task.Task} on column '{_options.LabelColumnName}'");
            }

            if (_options.ClassWeights is { } weights)
            {
                throw new ArgumentOutOfRangeException(nameof(MlpOptions.ClassWeights),
                    $"Expected classWeights with binary or multiclass classification only. Received: classWeights={weights} for {task.Task} on column '{_options.LabelColumnName}'");
            }
        }
    }

    /// <summary>The classes in output order: false and true for a Boolean label, the key's values, or their indices.</summary>
    private static IReadOnlyList<string> ClassNames(LabelLayout layout) => layout.Task.Task == MlpTask.BinaryClassification
        ? ["False", "True"]
        : layout.NamesPerUnit ?? [.. Enumerable.Range(0, layout.OutputUnits).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>The training rows of each class, from one pass over the targets (one-hot rows, or 0/1 for binary).</summary>
    private IReadOnlyList<double> RowsPerClass(IMiniBatchSource training, LabelLayout layout)
    {
        var binary = layout.Task.Task == MlpTask.BinaryClassification;
        var counts = new double[binary ? 2 : layout.OutputUnits];
        foreach (var batch in training.Batches(_options.BatchSize, shuffle: null))
        {
            var targets = batch.Targets;
            for (var i = 0; i < targets.Length; i++)
            {
                if (binary)
                {
                    counts[targets[i] > 0.5f ? 1 : 0]++;
                }
                else
                {
                    counts[i % layout.OutputUnits] += targets[i];
                }
            }
        }

        return counts;
    }

    /// <summary>What the trained model records of how it was trained, Keras-style descriptions by name.</summary>
    private Dictionary<string, string> RecordedSettings(OptimizerSettings optimizer, int seed, float[]? classWeights)
    {
        var recorded = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["optimizer"] = optimizer.ToString(),
            ["epochs"] = _options.Epochs.ToString(CultureInfo.InvariantCulture),
            ["batch_size"] = _options.BatchSize.ToString(CultureInfo.InvariantCulture),
            ["shuffle"] = _options.Shuffle ? "true" : "false",
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["kernel_initializer"] = _options.KernelInitializer.ToString(),
        };
        if (_options.LearningRateSchedule is { } schedule)
        {
            recorded["learning_rate_schedule"] = schedule.ToString();
        }

        if (classWeights is not null)
        {
            recorded["class_weights"] = $"{_options.ClassWeights}: [{string.Join(", ", classWeights.Select(w => w.ToString("G6", CultureInfo.InvariantCulture)))}]";
        }

        if (_options.LabelSmoothing > 0)
        {
            recorded["label_smoothing"] = _options.LabelSmoothing.ToString(CultureInfo.InvariantCulture);
        }

        if (_options.ValidationFraction > 0)
        {
            recorded["validation_split"] = _options.ValidationFraction.ToString(CultureInfo.InvariantCulture);
        }

        var callbacks = _options.Callbacks.Select(c => c.ToString()).Concat(_options.EarlyStopping is { } stopping ? [new EarlyStopping(stopping).ToString()] : []).ToList();
        if (callbacks.Count > 0)
        {
            recorded["callbacks"] = string.Join("; ", callbacks);
        }

        return recorded;
    }

    /// <summary>What identifies a run for its backup: the network, the optimizer, the schedule, the seed, the data's size.</summary>
    private string RunDescription(NetworkArchitecture architecture, OptimizerSettings optimizer, int seed, IMiniBatchSource training) =>
        $"{architecture.InputSize} inputs, {string.Join(", ", architecture.Layers)}; {optimizer}; schedule {_options.LearningRateSchedule?.ToString() ?? "none"}; " +
        $"batch {_options.BatchSize}, {_options.Epochs} epochs, seed {seed}, shuffle {_options.Shuffle}; {(training as InMemoryExamples)?.RowCount.ToString(CultureInfo.InvariantCulture) ?? "streamed"} training rows";

    /// <summary>
    /// The schema after the trained transformer, decided from the label's type exactly as <see cref="Fit"/> decides it;
    /// throws <see cref="SchemaMismatchException"/> when the feature or label column does not fit.
    /// </summary>
    /// <param name="inputSchema">The shape of the training data.</param>
    /// <returns>The input shape plus the prediction columns of the task.</returns>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        OutputSchema(inputSchema, _options.MonteCarloSamples is null ? UncertaintyColumns.None : UncertaintyColumns.MeanAndSpread);

    /// <summary>The input shape plus the task's prediction columns and the given <paramref name="uncertainty"/> columns.</summary>
    internal SchemaShape OutputSchema(SchemaShape inputSchema, UncertaintyColumns uncertainty)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var features = ColumnRequirements.Find(inputSchema, _options.FeatureColumnName, TrainingColumns.FeatureExpectation);
        if (features.Kind != SchemaShape.Column.VectorKind.Vector || features.IsKey || features.ItemType != NumberDataViewType.Single)
        {
            throw new SchemaMismatchException(_options.FeatureColumnName, TrainingColumns.FeatureExpectation, ColumnRequirements.Describe(features));
        }

        var label = ColumnRequirements.Find(inputSchema, _options.LabelColumnName, TaskDecision.LabelExpectation);
        var kind = TaskDecision.KindOf(label)
            ?? throw new SchemaMismatchException(_options.LabelColumnName, TaskDecision.LabelExpectation, ColumnRequirements.Describe(label));
        var task = TaskDecision.Decide(_options.Task, kind, label.Name, ColumnRequirements.Describe(label));
        var hasNames = label.Annotations.TryFindColumn(kind == LabelKind.Key ? ClassNameAnnotations.KeyValues : ClassNameAnnotations.SlotNames, out _);
        return ColumnRequirements.With(inputSchema, ScoringPlan.ColumnsFor(task, kind, uncertainty).Select(column => column.ToShape(hasNames)).ToArray());
    }

    /// <summary>The same options with another seed: one member of an ensemble.</summary>
    internal MlpTrainer WithSeed(int seed) => new(_host, _options.WithSeed(seed));

    private (IMiniBatchSource Training, IMiniBatchSource? Validation) LoadExamples(IDataView input, TrainingColumns columns, TaskDefinition task, IChannel channel)
    {
        var cached = InMemoryExamples.TryLoad(input, columns, task, isValidation: false, _options.InMemoryCacheLimitBytes, _host.CheckAlive);
        IMiniBatchSource training;
        IMiniBatchSource? validation = null;
        if (cached is not null)
        {
            if (cached.RowCount == 0)
            {
                throw new InvalidOperationException($"The training data is empty: expected at least one row with columns '{columns.Features.Name}' and '{columns.Label.Name}', found 0 rows.");
            }

            training = cached;
            if (_options.ValidationFraction > 0)
            {
                var (trainingPart, validationPart) = cached.Split(_options.ValidationFraction);
                if (validationPart.RowCount == 0 || trainingPart.RowCount == 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(MlpOptions.ValidationFraction),
                        $"Expected validationFraction to leave at least one training and one validation row. Received: validationFraction={_options.ValidationFraction} of {cached.RowCount} rows");
                }

                (training, validation) = (trainingPart, validationPart);
            }
        }
        else
        {
            channel.Info($"Training data exceeds {_options.InMemoryCacheLimitBytes} bytes: streaming it from the source every epoch.");
            if (_options.ValidationFraction > 0)
            {
                throw new InvalidOperationException("ValidationFraction needs the training data in memory, and it exceeds InMemoryCacheLimitBytes: pass ValidationData instead, or raise the limit.");
            }

            training = new StreamingExamples(input, columns, task, isValidation: false, _host.CheckAlive);
        }

        if (_options.ValidationData is { } validationData)
        {
            var validationColumns = TrainingColumns.Bind(validationData.Schema, _options);
            if (validationColumns.FeatureCount != columns.FeatureCount || validationColumns.LabelWidth != columns.LabelWidth || validationColumns.LabelKind != columns.LabelKind)
            {
                throw new SchemaMismatchException(_options.LabelColumnName, $"validation data shaped like the training data ({columns.FeatureCount} features, label {columns.Label.Type})",
                    $"{validationColumns.FeatureCount} features, label {validationColumns.Label.Type}");
            }

            var cachedValidation = InMemoryExamples.TryLoad(validationData, validationColumns, task, isValidation: true, _options.InMemoryCacheLimitBytes, _host.CheckAlive);
            if (cachedValidation is { RowCount: 0 })
            {
                throw new InvalidOperationException($"The validation data is empty: expected at least one row with columns '{validationColumns.Features.Name}' and '{validationColumns.Label.Name}', found 0 rows.");
            }

            validation = (IMiniBatchSource?)cachedValidation ?? new StreamingExamples(validationData, validationColumns, task, isValidation: true, _host.CheckAlive);
        }

        return (training, validation);
    }

    /// <summary>
    /// Starts the network from <paramref name="initial"/>'s weights. The hidden layers must hold the same weights by
    /// name and shape; the output layer is taken when <paramref name="includeTop"/> and it fits, and otherwise starts
    /// afresh, so a model trained on one task gives its lower layers (frozen or not) to a new head on another (transfer learning).
    /// </summary>
    private static void StartFrom(MlpNetwork network, MlpModel initial, bool includeTop, IChannel channel)
    {
        var layers = network.Architecture.HiddenLayers.Count;
        if (initial.HiddenLayers.Count != layers)
        {
            throw new ArgumentException(
                $"InitialWeights: the given model has {initial.HiddenLayers.Count} hidden layers ({string.Join(", ", initial.HiddenLayers)}); this network has {layers} " +
                $"({string.Join(", ", network.Architecture.HiddenLayers)}). Expected the same hidden layers.", nameof(MlpOptions.InitialWeights));
        }

        try
        {
            for (var i = 0; i < layers; i++)
            {
                network.ImportLayer(i, initial.Weights[i]);
            }
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"InitialWeights: the given model's layers do not match this network. {e.Message}", nameof(MlpOptions.InitialWeights), e);
        }

        var head = initial.Weights[layers];
        var output = network.Layers[layers];
        var fits = head.Match(output.Description.WeightsFor(output.Inputs));
        if (fits && includeTop)
        {
            network.ImportLayer(layers, head);
            return;
        }

        // Only the number of outputs may differ: a head over other inputs would mean the given model was ignored.
        if (head.Specs[0].Shape[0] != output.Inputs)
        {
            throw new ArgumentException(
                $"InitialWeights: the given model's output layer takes {head.Specs[0].Shape[0]} inputs; this network's takes {output.Inputs}. Expected the same features and hidden layers.",
                nameof(MlpOptions.InitialWeights));
        }

        channel.Info(fits
            ? "InitialWeights: the output layer starts afresh (InitialWeightsIncludeTop is off)."
            : $"InitialWeights: the output layer starts afresh: the given model has {initial.OutputSize} outputs, this task needs {network.Architecture.OutputUnits}.");
    }
}
