namespace MlNetMlp.Experiments;

/// <summary>The data sets <see cref="UncertaintyExperiment"/> knows how to prepare, each with its network from <c>UncertaintyNetworks</c>.</summary>
public enum UncertaintyDataset
{
    /// <summary>MNIST digits (columns <c>Pixels</c> and a key <c>Label</c>): 784-512-10 with dropout.</summary>
    Mnist,

    /// <summary>IMDb reviews (columns <c>Text</c> and a Boolean <c>Label</c>): 16-16-1 with dropout on a 10,000-word multi-hot.</summary>
    Imdb,
}
