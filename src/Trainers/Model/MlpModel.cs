using System.Globalization;
using System.Text;
using MlNetMlp.Torch;

namespace MlNetMlp.Trainers;

/// <summary>
/// A trained multilayer perceptron: its architecture, weights and training history. It lives inside an
/// <see cref="MlpTransformer"/>, which turns rows into predictions; pass it as <see cref="MlpOptions.InitialWeights"/> to fine-tune.
/// </summary>
public sealed class MlpModel
{
    internal MlpModel(MlpNetwork network, MlpTask task, IReadOnlyList<MlpEpoch> history)
    {
        Network = network;
        Task = task;
        History = history;
    }

    /// <summary>The task the network was trained for.</summary>
    public MlpTask Task { get; }

    /// <summary>Width of the feature vector.</summary>
    public int InputSize => Network.Architecture.InputSize;

    /// <summary>Units of the output layer.</summary>
    public int OutputSize => Network.Architecture.OutputUnits;

    /// <summary>The hidden layers, as configured.</summary>
    public IReadOnlyList<MlpLayer> HiddenLayers => Network.Architecture.HiddenLayers;

    /// <summary>The output activation applied to the last layer's outputs.</summary>
    public MlpActivation OutputActivation => Network.Architecture.OutputActivation;

    /// <summary>The loss the network was trained with.</summary>
    public MlpLoss Loss => Network.Architecture.Loss;

    /// <summary>Per-epoch figures of the training run, as Keras's <c>History.history</c>.</summary>
    public IReadOnlyList<MlpEpoch> History { get; }

    internal MlpNetwork Network { get; }

    /// <summary>A copy of the weights of each dense layer in run order, the output layer last.</summary>
    /// <returns>One entry per dense layer (dropout layers have no weights).</returns>
    public IReadOnlyList<MlpDenseWeights> GetWeights() =>
        Network.ExportWeights().Select(w => ToKerasLayout(w.Kernel, w.Bias)).ToList();

    /// <summary>A Keras-like summary: each layer with its output shape and parameter count, then the totals.</summary>
    /// <returns>The summary as text, one layer per line.</returns>
    public string Summary()
    {
        var rows = new List<(string Layer, string Shape, long Parameters)>();
        var width = InputSize;
        int dense = 0, dropout = 0;
        foreach (var layer in HiddenLayers.Append(Network.Architecture.OutputLayer))
        {
            if (layer.Kind == MlpLayerKind.Dropout)
            {
                rows.Add(($"{Name("dropout", dropout++)} (Dropout)", $"(None, {width})", 0));
                continue;
            }

            rows.Add(($"{Name("dense", dense++)} (Dense)", $"(None, {layer.Units})", ((long)width + 1) * layer.Units));
            width = layer.Units;
        }

        var total = rows.Sum(r => r.Parameters);
        var text = new StringBuilder();
        var rule = new string('─', 62);
        text.AppendLine(CultureInfo.InvariantCulture, $"Model: \"mlp\" ({InputSize} inputs, output {OutputActivation}, loss {Loss})");
        text.AppendLine(rule);
        text.AppendLine(CultureInfo.InvariantCulture, $"{"Layer (type)",-28}{"Output Shape",-20}{"Param #",14}");
        text.AppendLine(rule);
        foreach (var (layer, shape, parameters) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{layer,-28}{shape,-20}{parameters,14:N0}");
        }

        text.AppendLine(rule);
        text.AppendLine(CultureInfo.InvariantCulture, $"Total params: {total:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Trainable params: {total:N0}");
        text.Append("Non-trainable params: 0");
        return text.ToString();
    }

    private static string Name(string kind, int index) => index == 0 ? kind : $"{kind}_{index}";

    private static MlpDenseWeights ToKerasLayout(float[] torchKernel, float[] bias)
    {
        var units = bias.Length;
        var inputs = torchKernel.Length / units;
        var kernel = new float[inputs, units];
        for (var u = 0; u < units; u++)
        {
            for (var i = 0; i < inputs; i++)
            {
                kernel[i, u] = torchKernel[u * inputs + i];
            }
        }

        return new MlpDenseWeights(kernel, bias);
    }
}
