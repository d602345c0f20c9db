namespace MlNetMlp.Experiments;

/// <summary>
/// How good a classifier's probabilities and its uncertainty are, on one data set. Losses use the natural log.
/// </summary>
/// <param name="Rows">Rows evaluated.</param>
/// <param name="Accuracy">Share of rows whose most probable class is the true one.</param>
/// <param name="LogLoss">Mean of -ln p(true class), probabilities clipped to [1e-15, 1].</param>
/// <param name="BrierScore">Mean squared error of the probability vector against the one-hot truth, summed over classes (for two classes, twice the usual binary (p - y)²).</param>
/// <param name="ExpectedCalibrationError">Σ over confidence bins of (bin rows / rows) · |accuracy - mean confidence|.</param>
/// <param name="ReliabilityBins">The bins behind the calibration error, equal-width over [0, 1].</param>
/// <param name="UncertaintyAuroc">
/// How well the uncertainty separates wrong from right predictions: the probability that a wrong prediction is more
/// uncertain than a right one (ties count half); 0.5 is chance, 1 perfect. NaN when every prediction is right or wrong.
/// </param>
/// <param name="SelectiveAccuracy">Accuracy on the most confident share of rows (least uncertain first), keyed by that share (0.5, 0.8, 0.9).</param>
public sealed record UncertaintyMetrics(
    int Rows,
    double Accuracy,
    double LogLoss,
    double BrierScore,
    double ExpectedCalibrationError,
    IReadOnlyList<ReliabilityBin> ReliabilityBins,
    double UncertaintyAuroc,
    IReadOnlyDictionary<double, double> SelectiveAccuracy);
