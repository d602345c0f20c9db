using System.Globalization;
using System.Text;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp;

/// <summary>
/// A trained multilayer perceptron: its architecture, weights and training history. It lives inside an
/// <see cref="MlpTransformer"/>, which turns rows into predictions; pass it as <c>MlpOptions.InitialWeights</c> to
/// fine-tune. It holds plain managed arrays: scoring it needs no libtorch.
/// </summary>
public sealed partial class MlpModel
{
    internal MlpModel(NetworkArchitecture architecture, IReadOnlyList<DenseWeights> denseLayers, MlpTask task, IReadOnlyList<MlpEpoch> history)
    {
        var expected = architecture.DenseLayers().ToList();
        if (denseLayers.Count != expected.Count)
        {
            throw new ArgumentException($"Expected weights for {expected.Count} dense layers. Received: {denseLayers.Count}", nameof(denseLayers));
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var (inputs, layer) = expected[i];
            if (denseLayers[i].Inputs != inputs || denseLayers[i].Units != layer.Units)
            {
                throw new ArgumentException(
                    $"Dense layer {i}: expected a {inputs}x{layer.Units} kernel. Received: {denseLayers[i].Inputs}x{denseLayers[i].Units}", nameof(denseLayers));
            }
        }

        Architecture = architecture;
        DenseLayers = denseLayers;
        Task = task;
        History = history;
    }

    /// <summary>The task the network was trained for.</summary>
    public MlpTask Task { get; }

    /// <summary>Width of the feature vector.</summary>
    public int InputSize => Architecture.InputSize;

    /// <summary>Units of the output layer.</summary>
    public int OutputSize => Architecture.OutputUnits;

    /// <summary>The hidden layers, as configured.</summary>
    public IReadOnlyList<MlpLayer> HiddenLayers => Architecture.HiddenLayers;

    /// <summary>The output activation applied to the last layer's outputs.</summary>
    public MlpActivation OutputActivation => Architecture.OutputActivation;

    /// <summary>The loss the network was trained with.</summary>
    public MlpLoss Loss => Architecture.Loss;

    /// <summary>Trainable parameters: the kernels and biases of every dense layer, the output layer's included.</summary>
    public long ParameterCount => DenseLayers.Sum(layer => (long)layer.Kernel.Length + layer.Bias.Length);

    /// <summary>Per-epoch figures of the training run, as Keras's <c>History.history</c>.</summary>
    public IReadOnlyList<MlpEpoch> History { get; }

    internal NetworkArchitecture Architecture { get; }

    /// <summary>The dense layers' weights in run order, the output layer last.</summary>
    internal IReadOnlyList<DenseWeights> DenseLayers { get; }

    /// <summary>A copy of the weights of each dense layer in run order, the output layer last.</summary>
    /// <returns>One entry per dense layer (dropout layers have no weights).</returns>
    public IReadOnlyList<MlpDenseWeights> GetWeights() => DenseLayers.Select(layer =>
    {
        var kernel = new float[layer.Inputs, layer.Units];
        Buffer.BlockCopy(layer.Kernel, 0, kernel, 0, layer.Kernel.Length * sizeof(float));
        return new MlpDenseWeights(kernel, (float[])layer.Bias.Clone());
    }).ToList();

    /// <summary>A Keras-like summary: each layer with its output shape and parameter count, then the totals.</summary>
    /// <returns>The summary as text, one layer per line.</returns>
    public string Summary()
    {
        var rows = new List<(string Layer, string Shape, long Parameters)>();
        var width = InputSize;
        int dense = 0, dropout = 0;
        foreach (var layer in Architecture.Layers)
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
}
