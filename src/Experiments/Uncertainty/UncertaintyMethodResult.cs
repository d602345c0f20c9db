
namespace MlNetMlp.Experiments;

/// <summary>One way of predicting with uncertainty, and how good its probabilities and its uncertainty are on the test data.</summary>
/// <param name="Method">"MLP", "MC dropout (T=50)" or "Deep ensemble (M=5)".</param>
/// <param name="UncertaintyMeasure">What ranks the rows by uncertainty, e.g. "predictive entropy of the mean probabilities".</param>
/// <param name="Metrics">The metrics on the test data.</param>
/// <param name="TrainingSeconds">Time to train (0 for Monte Carlo dropout, which reuses the plain model).</param>
/// <param name="ScoringSeconds">Time to score the test data.</param>
public sealed record UncertaintyMethodResult(string Method, string UncertaintyMeasure, UncertaintyMetrics Metrics, double TrainingSeconds, double ScoringSeconds);
