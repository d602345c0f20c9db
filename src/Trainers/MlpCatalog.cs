using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace MlNetMlp;

/// <summary>
/// Entry points of the MLP trainer: <c>mlContext.Mlp(...)</c>, and the catalog twins on
/// <c>MulticlassClassification.Trainers</c>, <c>BinaryClassification.Trainers</c> and <c>Regression.Trainers</c>.
/// </summary>
public static class MlpCatalog
{
    /// <summary>A Keras-style multilayer perceptron; the task follows the label column unless the options name one.</summary>
    /// <param name="mlContext">The ML.NET context (its seed seeds training when <see cref="MlpOptions.Seed"/> is null).</param>
    /// <param name="options">The options; every rule is checked here.</param>
    /// <returns>The trainer; fit it to get an <see cref="MlpTransformer"/>.</returns>
    public static MlpTrainer Mlp(this MLContext mlContext, MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return new MlpTrainer(mlContext, options);
    }

    /// <summary>A Keras-style multilayer perceptron with the common settings; the task follows the label column.</summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="labelColumnName">The label column: key, Boolean, Single or a known-size vector of Single.</param>
    /// <param name="featureColumnName">The feature column: a known-size vector of Single.</param>
    /// <param name="hiddenLayers">Units of each ReLU hidden layer, e.g. <c>[16, 16]</c>; one layer of 512 when null.</param>
    /// <param name="epochs">Passes over the data; <see cref="MlpOptions.Defaults.Epochs"/> when null.</param>
    /// <param name="batchSize">Examples per mini-batch; <see cref="MlpOptions.Defaults.BatchSize"/> when null.</param>
    /// <returns>The trainer; fit it to get an <see cref="MlpTransformer"/>.</returns>
    public static MlpTrainer Mlp(this MLContext mlContext, string labelColumnName = MlpOptions.Defaults.LabelColumnName,
        string featureColumnName = MlpOptions.Defaults.FeatureColumnName, int[]? hiddenLayers = null, int? epochs = null, int? batchSize = null) =>
        mlContext.Mlp(Simple(MlpTask.Auto, labelColumnName, featureColumnName, hiddenLayers, epochs, batchSize));

    /// <summary>
    /// A deep ensemble of MLPs: <paramref name="members"/> networks trained from different seeds, whose probabilities
    /// are averaged; the prediction columns are the MLP's, plus their standard deviation across members.
    /// </summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="options">Every member's options; member k trains with seed <c>Seed + k</c>.</param>
    /// <param name="members">Networks in the ensemble, at least 2.</param>
    /// <returns>The estimator; fit it to get an <see cref="MlpEnsembleTransformer"/>.</returns>
    public static MlpEnsembleTrainer MlpEnsemble(this MLContext mlContext, MlpOptions options, int members = MlpEnsembleTrainer.DefaultMembers)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return new MlpEnsembleTrainer(mlContext, options, members);
    }

    /// <summary>A multilayer perceptron for multiclass classification (softmax, categorical cross-entropy).</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="options">The options; <see cref="MlpOptions.Task"/> Auto becomes multiclass.</param>
    /// <returns>The trainer.</returns>
    public static MlpTrainer Mlp(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, MlpOptions options) =>
        new(Environment(catalog), WithTask(options, MlpTask.MulticlassClassification));

    /// <summary>A multilayer perceptron for multiclass classification with the common settings.</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="labelColumnName">The label column: a key, or a one-hot vector of Single.</param>
    /// <param name="featureColumnName">The feature column: a known-size vector of Single.</param>
    /// <param name="hiddenLayers">Units of each ReLU hidden layer; one layer of 512 when null.</param>
    /// <param name="epochs">Passes over the data.</param>
    /// <param name="batchSize">Examples per mini-batch.</param>
    /// <returns>The trainer.</returns>
    public static MlpTrainer Mlp(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, string labelColumnName = MlpOptions.Defaults.LabelColumnName,
        string featureColumnName = MlpOptions.Defaults.FeatureColumnName, int[]? hiddenLayers = null, int? epochs = null, int? batchSize = null) =>
        catalog.Mlp(Simple(MlpTask.MulticlassClassification, labelColumnName, featureColumnName, hiddenLayers, epochs, batchSize));

    /// <summary>A multilayer perceptron for binary classification (sigmoid, binary cross-entropy).</summary>
    /// <param name="catalog">The binary trainers catalog.</param>
    /// <param name="options">The options; <see cref="MlpOptions.Task"/> Auto becomes binary.</param>
    /// <returns>The trainer.</returns>
    public static MlpTrainer Mlp(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, MlpOptions options) =>
        new(Environment(catalog), WithTask(options, MlpTask.BinaryClassification));

    /// <summary>A multilayer perceptron for binary classification with the common settings.</summary>
    /// <param name="catalog">The binary trainers catalog.</param>
    /// <param name="labelColumnName">The label column: Boolean (or Single holding 0 and 1).</param>
    /// <param name="featureColumnName">The feature column: a known-size vector of Single.</param>
    /// <param name="hiddenLayers">Units of each ReLU hidden layer; one layer of 512 when null.</param>
    /// <param name="epochs">Passes over the data.</param>
    /// <param name="batchSize">Examples per mini-batch.</param>
    /// <returns>The trainer.</returns>
    public static MlpTrainer Mlp(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, string labelColumnName = MlpOptions.Defaults.LabelColumnName,
        string featureColumnName = MlpOptions.Defaults.FeatureColumnName, int[]? hiddenLayers = null, int? epochs = null, int? batchSize = null) =>
        catalog.Mlp(Simple(MlpTask.BinaryClassification, labelColumnName, featureColumnName, hiddenLayers, epochs, batchSize));

    /// <summary>A multilayer perceptron for regression (linear output, mean squared error).</summary>
    /// <param name="catalog">The regression trainers catalog.</param>
    /// <param name="options">The options; <see cref="MlpOptions.Task"/> Auto becomes regression.</param>
    /// <returns>The trainer.</returns>
    public static MlpTrainer Mlp(this RegressionCatalog.RegressionTrainers catalog, MlpOptions options) =>
        new(Environment(catalog), WithTask(options, MlpTask.Regression));

    /// <summary>A multilayer perceptron for regression with the common settings.</summary>
    /// <param name="catalog">The regression trainers catalog.</param>
    /// <param name="labelColumnName">The label column: Single, Double, or a known-size vector of Single for several targets.</param>
    /// <param name="featureColumnName">The feature column: a known-size vector of Single.</param>
    /// <param name="hiddenLayers">Units of each ReLU hidden layer; one layer of 512 when null.</param>
    /// <param name="epochs">Passes over the data.</param>
    /// <param name="batchSize">Examples per mini-batch.</param>
    /// <returns>The trainer.</returns>
    public static MlpTrainer Mlp(this RegressionCatalog.RegressionTrainers catalog, string labelColumnName = MlpOptions.Defaults.LabelColumnName,
        string featureColumnName = MlpOptions.Defaults.FeatureColumnName, int[]? hiddenLayers = null, int? epochs = null, int? batchSize = null) =>
        catalog.Mlp(Simple(MlpTask.Regression, labelColumnName, featureColumnName, hiddenLayers, epochs, batchSize));

    private static MlpOptions Simple(MlpTask task, string labelColumnName, string featureColumnName, int[]? hiddenLayers, int? epochs, int? batchSize) => new()
    {
        Task = task,
        LabelColumnName = labelColumnName,
        FeatureColumnName = featureColumnName,
        HiddenLayers = hiddenLayers,
        Epochs = epochs ?? MlpOptions.Defaults.Epochs,
        BatchSize = batchSize ?? MlpOptions.Defaults.BatchSize,
    };

    /// <summary>The MLContext's environment behind a trainers catalog (ML.NET keeps the interface that gives it internal).</summary>
    private static IHostEnvironment Environment(IInternalCatalog catalog) =>
        (catalog ?? throw new ArgumentNullException(nameof(catalog))).Environment;

    private static MlpOptions WithTask(MlpOptions options, MlpTask task)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Task != MlpTask.Auto && options.Task != task && !(task == MlpTask.MulticlassClassification && options.Task == MlpTask.MultilabelClassification))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Expected task {task} (or Auto) from this catalog. Received: task={options.Task}");
        }

        return options.Task == MlpTask.Auto ? options.WithTask(task) : options;
    }
}
