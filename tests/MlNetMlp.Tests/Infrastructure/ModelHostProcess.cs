using Microsoft.ML;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>
/// Runs tests/MlNetMlp.ModelHost: a separate process that loads a saved model with
/// <c>mlContext.Model.Load</c> and applies it, proving a model needs nothing from the process that trained it.
/// </summary>
internal static class ModelHostProcess
{
    public sealed record Result(int ExitCode, string StandardError, IDataView? Output);

    /// <summary>Saves <paramref name="input"/>, has the child process transform it with the model at <paramref name="modelPath"/>, and reads the result back.</summary>
    public static Result Transform(MLContext mlContext, string modelPath, IDataView input, TemporaryDirectory directory)
    {
        var inputPath = directory.File($"input-{Guid.NewGuid():N}.idv");
        var outputPath = directory.File($"output-{Guid.NewGuid():N}.idv");
        using (var stream = File.Create(inputPath))
        {
            mlContext.Data.SaveAsBinary(input, stream, keepHidden: false);
        }

        var child = ProcessRunner.Run("dotnet", [TestPaths.ModelHostDll, modelPath, inputPath, outputPath]);
        var output = child.ExitCode == 0 ? mlContext.Data.LoadFromBinary(outputPath) : null;
        return new Result(child.ExitCode, child.StandardError, output);
    }
}
