using Microsoft.ML;
using MlNetMlp.Experiments.Uncertainty;

namespace MlNetMlp.Experiments;

/// <summary>
/// Computes <see cref="UncertaintyMetrics"/> from each row's class probabilities, true class and uncertainty (any
/// score where larger means less sure: the predictive entropy, one minus the top probability, a standard deviation).
/// </summary>
public static class UncertaintyEvaluator
{
    /// <summary>Confidence bins of the calibration error and reliability diagram, as in Guo et al. (2017).</summary>
    public const int DefaultBins = 15;

    /// <summary>The shares of most confident rows whose accuracy is reported.</summary>
    public static IReadOnlyList<double> SelectiveShares { get; } = [0.5, 0.8, 0.9];

    private const double ProbabilityFloor = 1e-15;

    /// <summary>Evaluates <paramref name="probabilities"/> (one vector per row, summing to 1) against <paramref name="labels"/>.</summary>
    /// <param name="probabilities">Per row, the probability of each class (binary: [1 - p, p]).</param>
    /// <param name="labels">Per row, the true class index.</param>
    /// <param name="uncertainty">Per row, how unsure the prediction is (larger is less sure).</param>
    /// <param name="bins">Equal-width confidence bins over [0, 1].</param>
    /// <returns>The metrics.</returns>
    public static UncertaintyMetrics Evaluate(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels, IReadOnlyList<double> uncertainty, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(uncertainty);
        var rows = probabilities.Count;
        if (rows == 0 || labels.Count != rows || uncertainty.Count != rows)
        {
            throw new ArgumentException($"Expected the same number of rows, at least one, in probabilities, labels and uncertainty. Received: {rows}, {labels.Count} and {uncertainty.Count}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var correct = new bool[rows];
        var confidence = new double[rows];
        double logLoss = 0, brier = 0;
        for (var row = 0; row < rows; row++)
        {
            var p = probabilities[row];
            var label = labels[row];
            if (label < 0 || label >= p.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"Row {row}: expected a class index in 0..{p.Length - 1}. Received: {label}");
            }

            var predicted = 0;
            for (var k = 0; k < p.Length; k++)
            {
                if (p[k] > p[predicted])
                {
                    predicted = k;
                }

                var truth = k == label ? 1.0 : 0.0;
                brier += (p[k] - truth) * (p[k] - truth);
            }

            correct[row] = predicted == label;
            confidence[row] = p[predicted];
            logLoss -= Math.Log(Math.Max(p[label], ProbabilityFloor));
        }

        var reliability = Reliability(confidence, correct, bins);
        var calibrationError = reliability.Where(b => b.Count > 0).Sum(b => b.Count / (double)rows * Math.Abs(b.Accuracy - b.MeanConfidence));
        return new UncertaintyMetrics(
            rows,
            correct.Count(c => c) / (double)rows,
            logLoss / rows,
            brier / rows,
            calibrationError,
            reliability,
            WrongVersusRightAuroc(uncertainty, correct),
            SelectiveShares.ToDictionary(share => share, share => SelectiveAccuracy(uncertainty, correct, share)));
    }

    /// <summary>
    /// Evaluates scored data, with each row's predictive entropy as its uncertainty: the probability column is a Single
    /// for binary classification (the probability of true, as ML.NET's <c>Probability</c>) or a vector of one
    /// probability per class (as a multiclass <c>Score</c>), e.g. an MLP's or its Monte Carlo mean
    /// (<c>ProbabilityMean</c>, <c>ScoreMean</c>).
    /// </summary>
    /// <param name="scored">The predictions, with the label column.</param>
    /// <param name="probabilityColumnName">The class probabilities.</param>
    /// <param name="labelColumnName">The true class: Boolean, a key, a 0/1 Single or a one-hot vector.</param>
    /// <param name="bins">Equal-width confidence bins over [0, 1].</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentException">A column is missing or of another type.</exception>
    public static UncertaintyMetrics Evaluate(IDataView scored, string probabilityColumnName, string labelColumnName, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var (probabilities, labels) = ScoredProbabilities.Read(scored, probabilityColumnName, labelColumnName);
        return Evaluate(probabilities, labels, [.. probabilities.Select(p => Entropy(p))], bins);
    }

    /// <summary>The entropy (natural log) of a probability vector: the usual predictive uncertainty of a classifier.</summary>
    public static double Entropy(ReadOnlySpan<float> probabilities)
    {
        var entropy = 0.0;
        foreach (var p in probabilities)
        {
            if (p > 0)
            {
                entropy -= p * Math.Log(p);
            }
        }

        return entropy;
    }

    private static List<ReliabilityBin> Reliability(double[] confidence, bool[] correct, int bins)
    {
        var counts = new int[bins];
        var confidenceSums = new double[bins];
        var rightCounts = new int[bins];
        for (var row = 0; row < confidence.Length; row++)
        {
            var bin = Math.Min((int)(confidence[row] * bins), bins - 1);
            counts[bin]++;
            confidenceSums[bin] += confidence[row];
            rightCounts[bin] += correct[row] ? 1 : 0;
        }

        return Enumerable.Range(0, bins).Select(b => new ReliabilityBin(
            b / (double)bins,
            (b + 1) / (double)bins,
            counts[b],
            counts[b] == 0 ? double.NaN : confidenceSums[b] / counts[b],
            counts[b] == 0 ? double.NaN : rightCounts[b] / (double)counts[b])).ToList();
    }

    /// <summary>Mann-Whitney form of the area under the ROC curve, wrong predictions as positives, ties by mid-rank.</summary>
    private static double WrongVersusRightAuroc(IReadOnlyList<double> uncertainty, bool[] correct)
    {
        var wrong = correct.Count(c => !c);
        var right = correct.Length - wrong;
        if (wrong == 0 || right == 0)
        {
            return double.NaN;
        }

        var order = Enumerable.Range(0, correct.Length).OrderBy(i => uncertainty[i]).ToArray();
        double wrongRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && uncertainty[order[end + 1]] == uncertainty[order[start]])
            {
                end++;
            }

            var midRank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                wrongRankSum += correct[order[i]] ? 0 : midRank;
            }

            start = end + 1;
        }

        return (wrongRankSum - wrong * (wrong + 1) / 2.0) / ((double)wrong * right);
    }

    private static double SelectiveAccuracy(IReadOnlyList<double> uncertainty, bool[] correct, double share)
    {
        var kept = Math.Max(1, (int)Math.Round(share * correct.Length));
        return Enumerable.Range(0, correct.Length).OrderBy(i => uncertainty[i]).ThenBy(i => i).Take(kept).Count(i => correct[i]) / (double)kept;
    }
}
