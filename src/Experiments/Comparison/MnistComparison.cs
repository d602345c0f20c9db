using Microsoft.ML;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Experiments;

/// <summary>The MNIST comparison: the course's MLP recipe (<see cref="MnistPipeline"/>) and its regularized form beside ML.NET's multiclass trainers.</summary>
public static class MnistComparison
{
    /// <summary>The width of the prepared features: 28 x 28 pixels.</summary>
    public const int Inputs = 784;

    /// <summary>The course's network with the comparison's validation split (<see cref="MlpCandidate.DefaultValidationFraction"/>).</summary>
    /// <returns>Fresh options.</returns>
    public static MlpOptions CreateNetwork()
    {
        var options = MnistPipeline.CreateMlpOptions();
        options.ValidationFraction = MlpCandidate.DefaultValidationFraction;
        return options;
    }

    /// <summary>The comparison of the MLPs with ML.NET's multiclass trainers on the same prepared data.</summary>
    /// <param name="network">Fresh options of the MLP for each run; <see cref="CreateNetwork"/> when null.</param>
    /// <param name="progress">Receives each MLP epoch's figures, with the MLP's name, as training goes.</param>
    /// <returns>The MLP and its regularized form first, then the baselines.</returns>
    public static IReadOnlyList<Candidate> Candidates(Func<MlpOptions>? network = null, Action<string, MlpEpoch>? progress = null) =>
        [.. MlpCandidate.NetworkAndRegularized(Inputs, 10, network ?? CreateNetwork, progress), .. BaselineCandidates.Multiclass];

    /// <summary>The comparison plan: MNIST preparation, then the MLPs beside ML.NET's multiclass trainers.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="network">Fresh options of the MLP for each run; <see cref="CreateNetwork"/> when null.</param>
    /// <param name="progress">Receives each MLP epoch's figures, with the MLP's name, as training goes.</param>
    /// <returns>The plan for <see cref="ComparisonJob.Run"/>.</returns>
    public static ComparisonPlan CreatePlan(MLContext mlContext, Func<MlpOptions>? network = null, Action<string, MlpEpoch>? progress = null) =>
        new("MNIST: MLP vs ML.NET trainers", ComparisonTask.Multiclass, MnistPipeline.Preparation(mlContext), Candidates(network, progress), MnistPipeline.LabelColumnName);
}
