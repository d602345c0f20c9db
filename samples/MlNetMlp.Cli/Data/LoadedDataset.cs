using Microsoft.ML;
using MlNetMlp.Experiments.Reports;

namespace MlNetMlp.Cli.Data;

/// <summary>Training and test data of one data set, and where they came from.</summary>
internal sealed record LoadedDataset(DatasetKind Kind, IDataView Train, IDataView Test, DataDescription Description);
