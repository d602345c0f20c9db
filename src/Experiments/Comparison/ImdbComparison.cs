using Microsoft.ML;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments;

/// <summary>
/// The IMDb comparison: the course's MLP recipe (<see cref="ImdbPipeline"/>) and its regularized form beside ML.NET's binary
/// trainers and its own text pipelines.
/// </summary>
public static class ImdbComparison
{
    /// <summary>The course's network with the comparison's validation split (<see cref="MlpCandidate.DefaultValidationFraction"/>).</summary>
    /// <returns>Fresh options.</returns>
    public static MlpOptions CreateNetwork()
    {
        var options = ImdbPipeline.CreateMlpOptions();
        options.ValidationFraction = MlpCandidate.DefaultValidationFraction;
        return options;
    }

    /// <summary>The comparison of the MLPs with ML.NET's binary trainers and its own text pipelines.</summary>
    /// <param name="network">Fresh options of the MLP for each run; <see cref="CreateNetwork"/> when null.</param>
    /// <param name="progress">Receives each MLP epoch's figures, with the MLP's name, as training goes.</param>
    /// <returns>The MLP and its regularized form first, then the baselines.</returns>
    public static IReadOnlyList<Candidate> Candidates(Func<MlpOptions>? network = null, Action<string, MlpEpoch>? progress = null) =>
        [.. MlpCandidate.NetworkAndRegularized(ImdbPipeline.DefaultNumWords, 1, network ?? CreateNetwork, progress), .. BaselineCandidates.Binary(ImdbPipeline.TextColumnName)];

    /// <summary>The comparison plan: IMDb preparation, then the MLPs beside ML.NET's binary trainers and text pipelines.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="network">Fresh options of the MLP for each run; <see cref="CreateNetwork"/> when null.</param>
    /// <param name="progress">Receives each MLP epoch's figures, with the MLP's name, as training goes.</param>
    /// <param name="withTorchSharpTextClassification">Adds ML.NET's pretrained transformer text classifier (off by default: it downloads weights and needs hours of CPU).</param>
    /// <returns>The plan for <see cref="ComparisonJob.Run"/>.</returns>
    public static ComparisonPlan CreatePlan(MLContext mlContext, Func<MlpOptions>? network = null, Action<string, MlpEpoch>? progress = null, bool withTorchSharpTextClassification = false)
    {
        var candidates = Candidates(network, progress);
        if (withTorchSharpTextClassification)
        {
            candidates = [.. candidates, OptionalCandidates.TorchSharpTextClassification(ImdbPipeline.TextColumnName, ImdbPipeline.LabelColumnName)];
        }

        return new("IMDb: MLP vs ML.NET trainers", ComparisonTask.Binary, ImdbPipeline.Preparation(mlContext), candidates, ImdbPipeline.LabelColumnName);
    }
}
