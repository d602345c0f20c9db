using System.Reflection;
using Microsoft.ML;

namespace MlNetMlp;

/// <summary>
/// Loads an ML.NET model <c>.zip</c> like <c>mlContext.Model.Load</c>, but with errors a person can act
/// on: the file path and the problem (missing file, truncated or corrupt archive, a component saved by
/// a newer MlNetMlp) instead of ML.NET's wrapped reflection exceptions.
/// </summary>
public static class ModelFile
{
    /// <summary>Loads the model at <paramref name="path"/>.</summary>
    /// <param name="mlContext">The context to load into.</param>
    /// <param name="path">The model <c>.zip</c> written by <c>mlContext.Model.Save</c>.</param>
    /// <param name="inputSchema">The schema of the data the model was trained on.</param>
    /// <returns>The loaded transformer chain.</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFormatException">The file is not a readable model; the message says why.</exception>
    public static ITransformer Load(MLContext mlContext, string path, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        }

        try
        {
            return mlContext.Model.Load(path, out inputSchema);
        }
        catch (Exception e) when (Unwrap(e) is ModelFormatException inner)
        {
            throw new ModelFormatException($"Model file '{path}': {inner.Message}", inner);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException || Unwrap(e) is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new ModelFormatException($"Model file '{path}' is not a readable ML.NET model: the archive or one of its entries is truncated or corrupt ({Unwrap(e).Message}).", e);
        }
    }

    private static Exception Unwrap(Exception e) =>
        e is TargetInvocationException or TypeInitializationException or AggregateException && e.InnerException is not null ? Unwrap(e.InnerException) : e;
}
