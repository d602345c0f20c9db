using Microsoft.ML;

namespace MlNetMlp.Experiments;

/// <summary>Everything a comparison needs besides the data: what to prepare and which trainers to run.</summary>
/// <param name="Title">The report's title.</param>
/// <param name="Task">Multiclass or binary.</param>
/// <param name="Preparation">Raw data to the Features and Label columns, fitted once and shared by the prepared candidates.</param>
/// <param name="Candidates">The trainers, the MLP among them.</param>
/// <param name="LabelColumnName">The label column after preparation.</param>
public sealed record ComparisonPlan(
    string Title,
    ComparisonTask Task,
    IEstimator<ITransformer> Preparation,
    IReadOnlyList<Candidate> Candidates,
    string LabelColumnName = "Label");
