using Microsoft.ML;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments.Comparison;

/// <summary>The IMDb comparison: the course's MLP recipe (<see cref="ImdbPipeline"/>) beside ML.NET's binary trainers and its own text pipeline.</summary>
public static class ImdbComparison
{
    /// <summary>The comparison of the MLP with ML.NET's binary trainers and its own text pipeline.</summary>
    /// <param name="epochs">The MLP's epochs.</param>
    /// <param name="progress">Receives each MLP epoch's figures as training goes.</param>
    /// <returns>The MLP first, then the baselines.</returns>
    public static IReadOnlyList<Candidate> Candidates(int epochs = ImdbPipeline.DefaultEpochs, Action<MlpEpoch>? progress = null) =>
        [MlpCandidate.Create("Mlp 10000-16-16-1", () => ImdbPipeline.CreateMlpOptions(epochs), progress), .. BaselineCandidates.Binary(ImdbPipeline.TextColumnName)];

    /// <summary>The comparison plan: IMDb preparation, then the MLP beside ML.NET's binary trainers and text pipeline.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="epochs">The MLP's epochs.</param>
    /// <param name="progress">Receives each MLP epoch's figures as training goes.</param>
    /// <param name="withTorchSharpTextClassification">Adds ML.NET's pretrained transformer text classifier (off by default: it downloads weights and needs hours of CPU).</param>
    /// <returns>The plan for <see cref="ComparisonJob.Run"/>.</returns>
    public static ComparisonPlan CreatePlan(MLContext mlContext, int epochs = ImdbPipeline.DefaultEpochs, Action<MlpEpoch>? progress = null, bool withTorchSharpTextClassification = false)
    {
        var candidates = Candidates(epochs, progress);
        if (withTorchSharpTextClassification)
        {
            candidates = [.. candidates, OptionalCandidates.TorchSharpTextClassification(ImdbPipeline.TextColumnName, ImdbPipeline.LabelColumnName)];
        }

        return new("IMDb: MLP vs ML.NET trainers", ComparisonTask.Binary, ImdbPipeline.Preparation(mlContext), candidates, ImdbPipeline.LabelColumnName);
    }
}
