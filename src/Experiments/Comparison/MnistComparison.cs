using Microsoft.ML;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments.Comparison;

/// <summary>The MNIST comparison: the course's MLP recipe (<see cref="MnistPipeline"/>) beside ML.NET's multiclass trainers.</summary>
public static class MnistComparison
{
    /// <summary>The comparison of the MLP with ML.NET's multiclass trainers on the same prepared data.</summary>
    /// <param name="epochs">The MLP's epochs.</param>
    /// <param name="progress">Receives each MLP epoch's figures as training goes.</param>
    /// <returns>The MLP first, then the baselines.</returns>
    public static IReadOnlyList<Candidate> Candidates(int epochs = MnistPipeline.DefaultEpochs, Action<MlpEpoch>? progress = null) =>
        [MlpCandidate.Create("Mlp 784-512-10", () => MnistPipeline.CreateMlpOptions(epochs), progress), .. BaselineCandidates.Multiclass];

    /// <summary>The comparison plan: MNIST preparation, then the MLP beside ML.NET's multiclass trainers.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="epochs">The MLP's epochs.</param>
    /// <param name="progress">Receives each MLP epoch's figures as training goes.</param>
    /// <returns>The plan for <see cref="ComparisonJob.Run"/>.</returns>
    public static ComparisonPlan CreatePlan(MLContext mlContext, int epochs = MnistPipeline.DefaultEpochs, Action<MlpEpoch>? progress = null) =>
        new("MNIST: MLP vs ML.NET trainers", ComparisonTask.Multiclass, MnistPipeline.Preparation(mlContext), Candidates(epochs, progress), MnistPipeline.LabelColumnName);
}
