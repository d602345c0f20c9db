using Microsoft.ML;
using MlNetMlp.Core.Persistence;

namespace MlNetMlp;

/// <summary>
/// Loads an ML.NET model <c>.zip</c> like <c>mlContext.Model.Load</c>, but refuses every file that is not exactly as it
/// was saved, with one exception type and a message a person can act on: the file, the entry of the <c>.zip</c> where
/// known, and the problem (not a model, truncated, a changed byte, a component saved by a newer MlNetMlp), instead of
/// ML.NET's wrapped reflection exceptions or, worse, a model that loads with different numbers.
/// </summary>
public static class ModelFile
{
    /// <summary>Loads the model at <paramref name="path"/>.</summary>
    /// <param name="mlContext">The context to load into.</param>
    /// <param name="path">The model <c>.zip</c> written by <c>mlContext.Model.Save</c>.</param>
    /// <param name="inputSchema">The schema of the data the model was trained on.</param>
    /// <returns>The loaded transformer chain.</returns>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFormatException">
    /// The path is a directory, or the file is empty, not a zip archive, a zip that holds no model, a damaged archive
    /// (checked entry by entry against the CRC-32s and names the archive records), or a model ML.NET or an MlNetMlp
    /// component cannot read. The message is one line naming the file and the problem; <see cref="ModelFormatException.EntryName"/>
    /// names the entry where it is known.
    /// </exception>
    public static ITransformer Load(MLContext mlContext, string path, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ModelFormatException($"Model file '{path}' is not a readable ML.NET model: it is a directory; expected the .zip that mlContext.Model.Save writes.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        }

        using var file = File.OpenRead(path);
        ModelArchive.Verify(file, path);
        file.Position = 0;
        try
        {
            return mlContext.Model.Load(file, out inputSchema);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            throw Describe(e, path);
        }
    }

    /// <summary>
    /// One <see cref="ModelFormatException"/> for whatever loading raised. The archive was verified intact, so what
    /// fails here was saved this way: a component refused its own saved state (its exception names the entry), ML.NET
    /// could not read one of its entries, or a component's assembly is not available to this program.
    /// </summary>
    private static ModelFormatException Describe(Exception error, string path)
    {
        if (Chain(error).OfType<ModelFormatException>().FirstOrDefault() is { } component)
        {
            var entry = component.EntryName is { } name ? $", entry '{name}'" : "";
            return new ModelFormatException($"Model file '{path}'{entry}: {OneLine(component.Message)}", component.EntryName, error);
        }

        var cause = Chain(error).Last();
        var assembly = cause switch
        {
            FileNotFoundException missing => missing.FileName,
            FileLoadException unloadable => unloadable.FileName,
            _ => null,
        };
        var problem = assembly is null
            ? $"ML.NET could not read it: {OneLine(cause.Message)}"
            : $"it holds a component from assembly '{assembly}', which cannot be loaded here; reference the package that provides it ({OneLine(cause.Message)})";
        return new ModelFormatException($"Model file '{path}' is not a readable ML.NET model: {problem}", entryName: null, error);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>ML.NET's messages may span lines ("Cause: ... Suggestion: ..."); a report of a bad file is one line.</summary>
    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
