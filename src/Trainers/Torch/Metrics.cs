using MlNetMlp.Scoring.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace MlNetMlp.Trainers.Torch;

/// <summary>Computes a task's <see cref="TrainingMetric"/> over a batch, and says how it reads.</summary>
internal static class Metrics
{
    public static string Name(TrainingMetric metric) => metric switch
    {
        TrainingMetric.Accuracy or TrainingMetric.BinaryAccuracy => "accuracy",
        _ => "mae",
    };

    /// <summary>Whether a larger value is better.</summary>
    public static bool HigherIsBetter(TrainingMetric metric) => metric != TrainingMetric.MeanAbsoluteError;

    /// <summary>The metric summed over the rows of the batch (so batches can be combined by row count); its scalars are disposed (<see cref="TorchScalars"/>).</summary>
    public static double SumOverRows(TrainingMetric metric, MlpActivation outputActivation, Tensor raw, Tensor target)
    {
        using var scope = torch.NewDisposeScope();
        using var half = 0.5.ToScalar();
        var perRow = metric switch
        {
            TrainingMetric.Accuracy => raw.argmax(1).eq(target.argmax(1)).to(ScalarType.Float32),
            TrainingMetric.BinaryAccuracy => Activations.Apply(outputActivation, raw).gt(half).eq(target.gt(half)).to(ScalarType.Float32).mean([1]),
            _ => (Activations.Apply(outputActivation, raw) - target).abs().mean([1]),
        };
        return perRow.sum().to(ScalarType.Float64).item<double>();
    }
}
