using Microsoft.ML;

namespace MlNetMlp.Pipelines;

/// <summary>
/// The course's MNIST network as an ML.NET pipeline: pixels scaled to [0, 1] by <c>NormalizePixels</c>,
/// the digit label as a key (as <c>MlNetMlp.Datasets.MnistDataset</c> reads it, so no <c>MapValueToKey</c>),
/// then a 784-512-10 MLP: one hidden layer of 512 relu units, a 10-way softmax, RMSprop, batch 128, 5 epochs.
/// </summary>
public static class MnistPipeline
{
    /// <summary>The raw pixel column (784 bytes) the readers produce.</summary>
    public const string PixelsColumnName = "Pixels";

    /// <summary>The label column: a key with values "0" to "9".</summary>
    public const string LabelColumnName = "Label";

    /// <summary>The scaled pixel column the MLP reads.</summary>
    public const string FeaturesColumnName = "Features";

    /// <summary>The course's number of epochs.</summary>
    public const int DefaultEpochs = 5;

    /// <summary>The MLP options of the course's network; change them before passing them to <see cref="Create"/>.</summary>
    /// <param name="epochs">Passes over the training data.</param>
    /// <returns>Fresh options: 512 relu, softmax output, RMSprop (lr 1e-3), batch 128.</returns>
    public static MlpOptions CreateMlpOptions(int epochs = DefaultEpochs) => new()
    {
        LabelColumnName = LabelColumnName,
        FeatureColumnName = FeaturesColumnName,
        HiddenLayers = [512],
        Activation = MlpActivation.Relu,
        Optimizer = MlpOptimizer.RmsProp,
        BatchSize = 128,
        Epochs = epochs,
    };

    /// <summary>The data preparation alone: <c>NormalizePixels("Features", "Pixels")</c>.</summary>
    /// <param name="mlContext">The context.</param>
    /// <returns>An estimator that adds the Features column.</returns>
    public static IEstimator<ITransformer> Preparation(MLContext mlContext) =>
        mlContext.Transforms.NormalizePixels(FeaturesColumnName, PixelsColumnName);

    /// <summary>The whole recipe: preparation, then the MLP; append to it or change the options as you like.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="options">MLP options; <see cref="CreateMlpOptions"/> when null.</param>
    /// <returns>An estimator from MNIST rows (Pixels, Label) to predictions (Score, PredictedLabel).</returns>
    public static IEstimator<ITransformer> Create(MLContext mlContext, MlpOptions? options = null) =>
        Preparation(mlContext).Append(mlContext.Mlp(options ?? CreateMlpOptions()));
}
