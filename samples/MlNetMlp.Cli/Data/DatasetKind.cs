namespace MlNetMlp.Cli.Data;

/// <summary>The data sets the program knows, each with its ready pipeline.</summary>
internal enum DatasetKind
{
    /// <summary>Handwritten digits, 28x28 pixels, 10 classes.</summary>
    Mnist,

    /// <summary>Movie reviews, positive or negative.</summary>
    Imdb,
}
