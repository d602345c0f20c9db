using Microsoft.ML;

namespace MlNetMlp.Experiments.Studies;

/// <summary>What a study's run is given: the ML.NET context, the loaded data and where progress lines go.</summary>
/// <param name="MlContext">The context; its seed makes the run repeatable.</param>
/// <param name="Data">The training and test data and their description.</param>
/// <param name="Progress">Receives a line for each step; null for none.</param>
internal sealed record StudyRun(MLContext MlContext, LoadedData Data, Action<string>? Progress)
{
    /// <summary>Reports <paramref name="line"/> to <see cref="Progress"/>.</summary>
    public void Report(string line) => Progress?.Invoke(line);
}
