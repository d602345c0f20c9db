namespace MlNetMlp;

/// <summary>
/// Monte Carlo dropout at prediction time (Gal and Ghahramani, 2016): besides the usual deterministic columns, the
/// transformer runs <see cref="Samples"/> passes with dropout left on and adds the mean and standard deviation of
/// their outputs (<c>ScoreMean</c>/<c>ScoreStdDev</c>, or <c>ProbabilityMean</c>/<c>ProbabilityStdDev</c> for binary
/// classification). The masks are seeded by <see cref="Seed"/> and each row's id, so the same data gives the same
/// columns in any process.
/// </summary>
/// <param name="Samples">Stochastic passes per row, at least 1; with 1 the mean is the deterministic pass and the deviation 0.</param>
/// <param name="Seed">Seed of the dropout masks.</param>
public sealed record MlpMonteCarloDropout(int Samples, int Seed);
