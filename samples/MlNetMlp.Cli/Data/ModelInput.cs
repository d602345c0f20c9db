using MlNetMlp.Experiments;

namespace MlNetMlp.Cli.Data;

/// <summary>Which data set a saved model was trained on, told by the columns it reads.</summary>
internal static class ModelInput
{
    /// <exception cref="InvalidDataException">No registered data set gives rows with those columns.</exception>
    public static Experiments.Dataset DatasetOf(IReadOnlyList<string> inputColumns, string modelPath)
    {
        if (DatasetRegistry.ForModelInput(inputColumns) is { } dataset)
        {
            return dataset;
        }

        var known = DatasetRegistry.All.Select(d => $"{d.ModelInputDescription} ({d.DisplayName})").ToList();
        var hints = string.Concat(DatasetRegistry.All.Select(d => d.ModelInputHint(inputColumns)).OfType<string>().Select(hint => " " + hint));
        throw new InvalidDataException(
            $"Model '{modelPath}' reads {(known.Count == 2 ? "neither " + string.Join(" nor ", known) : "none of " + string.Join(", ", known))}; " +
            $"its input columns are: {string.Join(", ", inputColumns)}.{hints}");
    }
}
