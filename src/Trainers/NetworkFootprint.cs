using System.Globalization;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp.Trainers;

/// <summary>
/// The memory a network needs to train, checked before libtorch allocates any of it: every trainable weight is held as
/// a weight, a gradient, the optimizer's state (one value for RMSprop and SGD with momentum, two for Adam, AdamW and Nadam, three with AMSGrad) and the
/// trained model's managed copy; a weight training leaves alone (a frozen layer's, batch normalization's moving
/// statistics) as the weight and its copy. The weights are those each layer declares (<see cref="MlpLayer.WeightsFor"/>).
/// A weight too large for one array, or a network larger than the memory the process may use, is refused with the
/// feature column, the layer and the bytes it would need.
/// </summary>
internal static class NetworkFootprint
{
    public static void Check(NetworkArchitecture architecture, MlpOptimizer optimizer, float momentum, bool amsgrad, string featureColumnName)
    {
        var copiesPerTrainable = 3 + optimizer switch
        {
            MlpOptimizer.Adam or MlpOptimizer.AdamW => amsgrad ? 3 : 2,
            MlpOptimizer.Nadam => 2,
            MlpOptimizer.Sgd when momentum == 0 => 0,
            _ => 1,
        };
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long parameters = 0, needed = 0;
        var index = 0;
        foreach (var (layer, inputs) in architecture.LayersWithInputs())
        {
            foreach (var weight in layer.WeightsFor(inputs))
            {
                if (weight.Length > Array.MaxLength)
                {
                    throw new InvalidOperationException(
                        $"Column '{featureColumnName}': layer {index} ({layer}) would take {inputs.ToString("N0", CultureInfo.InvariantCulture)} inputs, " +
                        $"so its {weight.Name} holds {weight.Length.ToString("N0", CultureInfo.InvariantCulture)} weights ({Bytes(4 * weight.Length)}), more than one array can hold " +
                        $"({Array.MaxLength.ToString("N0", CultureInfo.InvariantCulture)} values). Narrow the features (e.g. VectorizeSequences' dimension) or the layer.");
                }

                parameters += weight.Length;
                needed += 4 * weight.Length * (layer.Trainable && weight.Trainable ? copiesPerTrainable : 2);
            }

            index++;
        }

        if (needed > available)
        {
            throw new InvalidOperationException(
                $"Column '{featureColumnName}': a network of {architecture.InputSize.ToString("N0", CultureInfo.InvariantCulture)} inputs and layers " +
                $"{string.Join(", ", architecture.Layers)} has {parameters.ToString("N0", CultureInfo.InvariantCulture)} parameters; training it with {optimizer} needs about {Bytes(needed)} " +
                $"(weights, gradients, optimizer state and the trained copy), and this process may use {Bytes(available)}. Narrow the features or the layers.");
        }
    }

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):N1} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):N1} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };
}
