namespace MlNetMlp.Pipelines;

/// <summary>
/// The networks whose predictive uncertainty the course's figures measure (plain, Monte Carlo dropout, deep ensemble):
/// the course's MNIST and IMDb networks with dropout, which Monte Carlo dropout needs. They read the features of
/// <see cref="MnistPipeline.Preparation"/> and <see cref="ImdbPipeline.Preparation"/>.
/// </summary>
public static class UncertaintyNetworks
{
    /// <summary>
    /// Epochs of the MNIST network: twice the course's five, since dropout halves what each step sees.
    /// </summary>
    public const int MnistEpochs = 10;

    /// <summary>Epochs of the IMDb network: the regularization study's, so that its figures and these are the same network's.</summary>
    public const int ImdbEpochs = RegularizationModels.DefaultEpochs;

    /// <summary>The course's MNIST network, 784-512-10, with Dropout(0.5) after the hidden layer; RMSprop, batch 128.</summary>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="seed">Seed of the weights, shuffling and dropout masks.</param>
    /// <returns>Fresh options.</returns>
    public static MlpOptions Mnist(int epochs = MnistEpochs, int? seed = null)
    {
        var options = MnistPipeline.CreateMlpOptions(epochs);
        options.HiddenLayers = null;
        options.Layers = [MlpLayer.Dense(512, MlpActivation.Relu), MlpLayer.Dropout(RegularizationModels.DropoutRate)];
        options.Seed = seed;
        return options;
    }

    /// <summary>The regularization study's dropout network on IMDb: 16-16-1 with Dropout(0.5) after each hidden layer.</summary>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="seed">Seed of the weights, shuffling and dropout masks.</param>
    /// <returns>Fresh options.</returns>
    public static MlpOptions Imdb(int epochs = ImdbEpochs, int? seed = null) =>
        RegularizationModels.CreateMlpOptions(RegularizationModel.Dropout, epochs, seed);
}
