using Microsoft.ML;

namespace MlNetMlp;

/// <summary>The steps of a fitted pipeline, however its chains are nested.</summary>
public static class TransformerSteps
{
    /// <summary>
    /// The transformers of <paramref name="model"/> in the order they run, chains flattened: a loaded model's
    /// <c>TransformerChain</c> may hold another chain (an estimator chain fitted as one step), and a lone transformer is
    /// its own single step.
    /// </summary>
    /// <param name="model">A fitted transformer or chain.</param>
    /// <returns>Every step that is not itself a chain.</returns>
    public static IEnumerable<ITransformer> Steps(this ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model is IEnumerable<ITransformer> chain ? chain.SelectMany(Steps) : [model];
    }
}
