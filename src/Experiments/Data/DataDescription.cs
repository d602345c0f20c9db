namespace MlNetMlp.Experiments;

/// <summary>The data a comparison used, as the report states it.</summary>
/// <param name="Name">The data set, e.g. <c>MNIST</c>.</param>
/// <param name="Source">Where it was read from: a path, a URL, or the embedded sample's description.</param>
/// <param name="TrainRows">The number of training rows.</param>
/// <param name="TestRows">The number of test rows the metrics were computed on.</param>
/// <param name="ValidationRows">The number of rows held out for the learning curves, if any.</param>
public sealed record DataDescription(string Name, string Source, long TrainRows, long TestRows, long? ValidationRows = null);
