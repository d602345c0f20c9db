namespace MlNetMlp.Experiments;

/// <summary>One bin of a reliability diagram: the rows whose confidence falls in [<see cref="Lower"/>, <see cref="Upper"/>).</summary>
/// <param name="Lower">The bin's lowest confidence.</param>
/// <param name="Upper">The bin's upper edge (the last bin includes 1).</param>
/// <param name="Count">Rows in the bin.</param>
/// <param name="MeanConfidence">Their mean confidence (probability of the predicted class); NaN when empty.</param>
/// <param name="Accuracy">The share of them predicted right; NaN when empty.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);
