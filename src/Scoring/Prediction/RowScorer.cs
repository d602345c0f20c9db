using Microsoft.ML.Data;

namespace MlNetMlp.Scoring.Prediction;

/// <summary>
/// Scores one row into a <see cref="PredictionBuffer"/>: one network's deterministic pass, Monte Carlo dropout, or an
/// ensemble. One instance holds one thread's scratch; the row's id seeds whatever is random, so a row's
/// outputs depend on the row, never on the thread, block or cursor that scores it.
/// </summary>
internal abstract class RowScorer
{
    /// <summary>Scores the row with non-zero inputs <paramref name="indices"/>/<paramref name="values"/> into row <paramref name="slot"/> of <paramref name="destination"/>.</summary>
    public abstract void Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, DataViewRowId id, PredictionBuffer destination, int slot);
}
