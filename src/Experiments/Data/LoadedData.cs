using Microsoft.ML;

namespace MlNetMlp.Experiments;

/// <summary>The training and test parts of a data set, raw as its readers give them, and their description.</summary>
/// <param name="Dataset">The data set they are of.</param>
/// <param name="Train">The training rows.</param>
/// <param name="Test">The test rows, which no study trains on.</param>
/// <param name="Description">Where they came from and how many rows each part has, as reports state it.</param>
public sealed record LoadedData(Dataset Dataset, IDataView Train, IDataView Test, DataDescription Description);
