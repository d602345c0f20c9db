using System.Globalization;
using System.Text;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp;

/// <summary>
/// A trained multilayer perceptron: its architecture, weights and training history. It lives inside an
/// <see cref="MlpTransformer"/>, which turns rows into predictions; pass it as <c>MlpOptions.InitialWeights</c> to
/// fine-tune. It holds plain managed arrays: scoring it needs no libtorch.
/// </summary>
public sealed partial class MlpModel
{
    internal MlpModel(NetworkArchitecture architecture, IReadOnlyList<LayerWeights> layerWeights, MlpTask task, IReadOnlyList<MlpEpoch> history,
        IReadOnlyDictionary<string, string>? trainingSettings = null)
    {
        var expected = architecture.WeightSpecs();
        if (layerWeights.Count != expected.Count)
        {
            throw new ArgumentException($"Expected weights for {expected.Count} layers (the output layer included). Received: {layerWeights.Count}", nameof(layerWeights));
        }

        var layers = architecture.Layers.ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            if (!layerWeights[i].Match(expected[i]))
            {
                throw new ArgumentException(
                    $"Layer {i} ({layers[i]}): expected {LayerWeights.Describe(expected[i])}. Received: {LayerWeights.Describe(layerWeights[i].Specs)}", nameof(layerWeights));
            }
        }

        Architecture = architecture;
        Weights = layerWeights;
        Task = task;
        History = history;
        TrainingSettings = trainingSettings ?? new Dictionary<string, string>();
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

    /// <summary>Every weight of the network, the output layer's and batch normalization's moving statistics included (Keras's "Total params").</summary>
    public long ParameterCount => TrainableParameterCount + NonTrainableParameterCount;

    /// <summary>The weights training updates: those of trainable layers, without batch normalization's moving statistics.</summary>
    public long TrainableParameterCount => CountParameters(trainable: true);

    /// <summary>The weights training leaves alone: frozen layers' and batch normalization's moving statistics.</summary>
    public long NonTrainableParameterCount => CountParameters(trainable: false);

    /// <summary>Per-epoch figures of the training run, as Keras's <c>History.history</c>.</summary>
    public IReadOnlyList<MlpEpoch> History { get; }

    /// <summary>
    /// How the network was trained, by name, as Keras keeps a model's optimizer config: <c>optimizer</c> (its constructor
    /// call, weight decay and clipping included), <c>learning_rate_schedule</c>, <c>epochs</c>, <c>batch_size</c>,
    /// <c>seed</c>, <c>class_weights</c>, <c>label_smoothing</c>, <c>callbacks</c>...; empty for models saved before 0.3.
    /// </summary>
    public IReadOnlyDictionary<string, string> TrainingSettings { get; }

    internal NetworkArchitecture Architecture { get; }

    /// <summary>Each layer's weights in run order, the output layer last (empty for layers without weights).</summary>
    internal IReadOnlyList<LayerWeights> Weights { get; }

    /// <summary>A copy of the weights of each dense layer in run order, the output layer last.</summary>
    /// <returns>One entry per dense layer (the other kinds' weights are in <see cref="GetLayerWeights"/>).</returns>
    public IReadOnlyList<MlpDenseWeights> GetWeights() => Architecture.LayersWithInputs().Zip(Weights)
        .Where(pair => pair.First.Layer is DenseLayer)
        .Select(pair =>
        {
            var (inputs, units) = (pair.First.Inputs, pair.First.Layer.OutputWidth(pair.First.Inputs));
            var kernel = new float[inputs, units];
            Buffer.BlockCopy(pair.Second["kernel"], 0, kernel, 0, inputs * units * sizeof(float));
            return new MlpDenseWeights(kernel, (float[])pair.Second["bias"].Clone());
        }).ToList();

    /// <summary>A copy of every weight of layer <paramref name="layer"/> (0 is the first hidden layer, <c>HiddenLayers.Count</c> the output layer), by Keras's names.</summary>
    /// <param name="layer">The layer's position in run order.</param>
    /// <returns>Each weight's flat row-major values by name: <c>kernel</c> and <c>bias</c> for a dense layer, <c>gamma</c>, <c>beta</c>, <c>moving_mean</c>, <c>moving_variance</c> for batch normalization.</returns>
    public IReadOnlyDictionary<string, float[]> GetLayerWeights(int layer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(layer, HiddenLayers.Count);
        var weights = Weights[layer];
        return weights.Specs.Zip(weights.Values).ToDictionary(pair => pair.First.Name, pair => (float[])pair.Second.Clone());
    }

    /// <summary>A Keras-like summary: each layer with its output shape and parameter count, then the totals, trainable and not.</summary>
    /// <returns>The summary as text, one layer per line.</returns>
    public string Summary()
    {
        var rows = new List<(string Layer, string Shape, long Parameters)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ((layer, inputs), weights) in Architecture.LayersWithInputs().Zip(Weights))
        {
            var index = seen[layer.Kind.SummaryName] = seen.GetValueOrDefault(layer.Kind.SummaryName, -1) + 1;
            var name = index == 0 ? layer.Kind.SummaryName : $"{layer.Kind.SummaryName}_{index}";
            rows.Add(($"{name} ({layer.SummaryType})", $"(None, {layer.OutputWidth(inputs)})", weights.Specs.Sum(spec => spec.Length)));
        }

        var layerWidth = Math.Max(28, rows.Max(row => row.Layer.Length) + 2);
        var text = new StringBuilder();
        var rule = new string('─', layerWidth + 34);
        text.AppendLine(CultureInfo.InvariantCulture, $"Model: \"mlp\" ({InputSize} inputs, output {OutputActivation}, loss {Loss})");
        text.AppendLine(rule);
        text.AppendLine(CultureInfo.InvariantCulture, $"{"Layer (type)".PadRight(layerWidth)}{"Output Shape",-20}{"Param #",14}");
        text.AppendLine(rule);
        foreach (var (layer, shape, parameters) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{layer.PadRight(layerWidth)}{shape,-20}{parameters,14:N0}");
        }

        text.AppendLine(rule);
        text.AppendLine(CultureInfo.InvariantCulture, $"Total params: {ParameterCount:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Trainable params: {TrainableParameterCount:N0}");
        text.Append(CultureInfo.InvariantCulture, $"Non-trainable params: {NonTrainableParameterCount:N0}");
        return text.ToString();
    }

    private long CountParameters(bool trainable) => Architecture.Layers.Zip(Weights)
        .Sum(pair => pair.Second.Specs.Where(spec => (pair.First.Trainable && spec.Trainable) == trainable).Sum(spec => spec.Length));
}
