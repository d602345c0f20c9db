using Microsoft.ML;

namespace MlNetMlp.Experiments;

/// <summary>Rows to predict, read from the command line's input, and what each row is when the rows have a description.</summary>
/// <param name="Rows">The raw rows, with the columns the data set's models read.</param>
/// <param name="Descriptions">One description per row to print beside its prediction (a review's line and start), or null.</param>
public sealed record PredictionInput(IDataView Rows, IReadOnlyList<string>? Descriptions = null);
