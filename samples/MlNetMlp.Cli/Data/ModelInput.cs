using Microsoft.ML;

namespace MlNetMlp.Cli.Data;

/// <summary>Which data set a saved model was trained on, told by the columns it reads.</summary>
internal static class ModelInput
{
    public static DatasetKind KindOf(DataViewSchema inputSchema, string modelPath)
    {
        if (inputSchema.GetColumnOrNull("Pixels") is not null)
        {
            return DatasetKind.Mnist;
        }

        if (inputSchema.GetColumnOrNull("Text") is not null)
        {
            return DatasetKind.Imdb;
        }

        var columns = string.Join(", ", inputSchema.Select(c => c.Name));
        throw new InvalidDataException($"Model '{modelPath}' reads neither a Pixels column (MNIST) nor a Text column (IMDb); its input columns are: {columns}.");
    }
}
