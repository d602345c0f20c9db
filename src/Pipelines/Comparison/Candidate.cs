using Microsoft.ML;
using MlNetMlp.Pipelines.Reports;

namespace MlNetMlp.Pipelines.Comparison;

/// <summary>Which data a candidate trains on.</summary>
public enum CandidateInput
{
    /// <summary>The shared prepared columns (Features, Label), so every trainer sees the same numbers.</summary>
    Prepared,

    /// <summary>The raw data, for baselines that bring their own featurization (ML.NET's FeaturizeText).</summary>
    Raw,
}

/// <summary>One trainer in a comparison.</summary>
/// <param name="Name">How the report names it.</param>
/// <param name="Input">Whether it trains on the prepared columns or on the raw data.</param>
/// <param name="CreateEstimator">Builds the estimator; the result must produce ML.NET's prediction columns.</param>
/// <param name="LearningCurve">Reads per-epoch figures from the fitted model (the MLP's history); null for trainers without epochs.</param>
public sealed record Candidate(
    string Name,
    CandidateInput Input,
    Func<CandidateSetup, IEstimator<ITransformer>> CreateEstimator,
    Func<ITransformer, IReadOnlyList<EpochMetrics>>? LearningCurve = null);

/// <summary>What a candidate's estimator may use when it is built.</summary>
/// <param name="MlContext">The comparison's context.</param>
/// <param name="MonitoringData">
/// The prepared test data, for per-epoch curves only: a trainer may report its loss on it after each epoch, but must not
/// select or stop on it, so the test metrics stay unbiased.
/// </param>
public sealed record CandidateSetup(MLContext MlContext, IDataView MonitoringData);
