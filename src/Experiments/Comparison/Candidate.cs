using Microsoft.ML;

namespace MlNetMlp.Experiments;

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
/// <param name="Evaluation">How its predictions are evaluated when that differs from the comparison's task (a multiclass trainer on a two-class key label); null to follow the task.</param>
/// <param name="LabelColumnName">The label column its predictions are evaluated against, when it makes its own; null for the comparison's.</param>
/// <param name="SkipReason">Says why a failure means the trainer cannot run here (e.g. weights that cannot be downloaded), so it is reported as skipped; null or a null answer reports the failure.</param>
/// <param name="Settings">Its settings as the report states them so the run can be repeated, e.g. "100 trees of 20 leaves, learning rate 0.2"; read from the same options the estimator is built from.</param>
/// <param name="IsMlp">True for this library's MLPs, the subject of the comparison; false for the trainers they are measured against.</param>
public sealed record Candidate(
    string Name,
    CandidateInput Input,
    Func<CandidateSetup, IEstimator<ITransformer>> CreateEstimator,
    Func<ITransformer, IReadOnlyList<EpochMetrics>>? LearningCurve = null,
    ComparisonTask? Evaluation = null,
    string? LabelColumnName = null,
    Func<Exception, string?>? SkipReason = null,
    string Settings = "",
    bool IsMlp = false);

/// <summary>
/// What a candidate's estimator may use when it is built. The test rows are deliberately not among it: a candidate sees
/// only its training rows, and the comparison scores the test rows once, after training, the same way for every candidate.
/// </summary>
/// <param name="MlContext">The comparison's context.</param>
public sealed record CandidateSetup(MLContext MlContext);
