using Microsoft.ML;

namespace MlNetMlp.Pipelines;

/// <summary>
/// The course's IMDb network as an ML.NET pipeline: review text to word indices of the 10,000 most
/// frequent words (<c>WordIndex</c>), a 10,000-wide multi-hot vector (<c>VectorizeSequences</c>), then
/// Dense 16 relu, Dense 16 relu and one sigmoid unit, RMSprop, batch 512. The label is a Boolean
/// (positive review = true). Four epochs, where the course's validation curve bottoms out.
/// </summary>
public static class ImdbPipeline
{
    /// <summary>The review text column the readers produce.</summary>
    public const string TextColumnName = "Text";

    /// <summary>The label column: Boolean, positive = true.</summary>
    public const string LabelColumnName = "Label";

    /// <summary>The word-index sequence column.</summary>
    public const string WordIndicesColumnName = "WordIndices";

    /// <summary>The multi-hot column the MLP reads.</summary>
    public const string FeaturesColumnName = "Features";

    /// <summary>Vocabulary bound and vector width, as Keras's <c>num_words=10000</c>.</summary>
    public const int DefaultNumWords = 10_000;

    /// <summary>Epochs of the course's final model.</summary>
    public const int DefaultEpochs = 4;

    /// <summary>The MLP options of the course's network.</summary>
    /// <param name="epochs">Passes over the training data.</param>
    /// <returns>Fresh options: 16 relu, 16 relu, sigmoid output with binary cross-entropy, RMSprop, batch 512.</returns>
    public static MlpOptions CreateMlpOptions(int epochs = DefaultEpochs) => new()
    {
        LabelColumnName = LabelColumnName,
        FeatureColumnName = FeaturesColumnName,
        Layers = [MlpLayer.Dense(16, MlpActivation.Relu), MlpLayer.Dense(16, MlpActivation.Relu)],
        Optimizer = MlpOptimizer.RmsProp,
        BatchSize = 512,
        Epochs = epochs,
    };

    /// <summary>The data preparation alone: WordIndex, then VectorizeSequences.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="numWords">Vocabulary bound and vector width.</param>
    /// <returns>An estimator that adds the WordIndices and Features columns.</returns>
    public static IEstimator<ITransformer> Preparation(MLContext mlContext, int numWords = DefaultNumWords) =>
        mlContext.Transforms.WordIndex(WordIndicesColumnName, TextColumnName, numWords)
            .Append(mlContext.Transforms.VectorizeSequences(FeaturesColumnName, WordIndicesColumnName, numWords));

    /// <summary>The whole recipe: preparation, then the MLP.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="options">MLP options; <see cref="CreateMlpOptions"/> when null.</param>
    /// <returns>An estimator from reviews (Text, Label) to predictions (Score, Probability, PredictedLabel).</returns>
    public static IEstimator<ITransformer> Create(MLContext mlContext, MlpOptions? options = null) =>
        Preparation(mlContext).Append(mlContext.Mlp(options ?? CreateMlpOptions()));
}
