namespace MlNetMlp.Cli.Data;

/// <summary>Which data set a saved model was trained on, told by the columns it reads.</summary>
internal static class ModelInput
{
    public static DatasetKind KindOf(IReadOnlyList<string> inputColumns, string modelPath)
    {
        if (inputColumns.Contains("Pixels"))
        {
            return DatasetKind.Mnist;
        }

        if (inputColumns.Contains("Text"))
        {
            return DatasetKind.Imdb;
        }

        throw new InvalidDataException(
            $"Model '{modelPath}' reads neither a Pixels column (MNIST) nor a Text column (IMDb); its input columns are: {string.Join(", ", inputColumns)}." +
            (inputColumns.Contains("WordIndices") ? " An IMDb model exported from its word indices on needs them computed by the WordIndex step of the .zip it came from." : string.Empty));
    }
}
