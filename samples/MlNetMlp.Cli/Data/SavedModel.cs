using Microsoft.ML;

namespace MlNetMlp.Cli.Data;

/// <summary>
/// A model <c>.zip</c> that <c>predict</c> and <c>evaluate</c> can use: it loads (<see cref="ModelFile.Load"/> refuses
/// anything that is not an intact ML.NET model), it holds at least one MlNetMlp component, and it reads the columns of a
/// data set this program knows.
/// </summary>
/// <param name="Transformer">The loaded chain.</param>
/// <param name="Dataset">The data set whose rows it reads.</param>
internal sealed record SavedModel(ITransformer Transformer, Experiments.Dataset Dataset)
{
    /// <exception cref="FileNotFoundException">Nothing is at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFormatException">The file is not an intact model, or a plain ML.NET model without MlNetMlp components.</exception>
    /// <exception cref="InvalidDataException">The model reads the rows of no data set this program knows.</exception>
    public static SavedModel Load(MLContext mlContext, string path)
    {
        var model = ModelFile.Load(mlContext, path, out var inputSchema);
        var steps = model.Steps().ToList();
        if (!steps.Any(step => step.GetType().Assembly.GetName().Name?.StartsWith("MlNetMlp.", StringComparison.Ordinal) == true))
        {
            var names = steps.Count == 0 ? "none" : string.Join(", ", steps.Select(step => step.GetType().Name.Split('`')[0]));
            throw new ModelFormatException(
                $"Model file '{path}' is an ML.NET model without MlNetMlp components (its steps: {names}); mlnetmlp predicts and evaluates " +
                "with models saved by 'mlnetmlp train' or by a pipeline with an MlNetMlp transform or MLP. Load other ML.NET models with mlContext.Model.Load.");
        }

        return new SavedModel(model, ModelInput.DatasetOf([.. inputSchema.Select(column => column.Name)], path));
    }
}
