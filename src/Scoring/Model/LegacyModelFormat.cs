using System.Runtime.InteropServices;
using MlNetMlp.Core.Persistence;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;

namespace MlNetMlp.Scoring.Model;

/// <summary>
/// Reads models saved by MlNetMlp 0.1 and 0.2, whose layers were a closed union: each hidden layer as kind (0 Dense,
/// 1 Dropout), units, activation, L1, L2 and rate, enums as numbers; the weights stream as every dense layer's kernel
/// and bias; the history as positional figures. Version 1 (0.1) held each kernel as units × inputs and is transposed
/// once when read. Nothing writes this format any more: saving such a model again writes <see cref="MlpModelFormat"/>.
/// </summary>
internal static class LegacyModelFormat
{
    private const int DenseKind = 0;
    private const int DropoutKind = 1;

    /// <summary>
    /// Reads a model; <paramref name="torchLayout"/> when its kernels were saved as units × inputs (MlNetMlp 0.1),
    /// <paramref name="withValidationPenalty"/> when its history holds each epoch's validation penalty.
    /// </summary>
    public static (MlpModel Model, Tasks.LabelLayout Layout) Read(ComponentReader reader, bool withValidationPenalty, bool torchLayout = false, string weightsStream = MlpModelFormat.WeightsStream)
    {
        var layout = MlpModelFormat.ReadLayout(reader);
        var inputSize = reader.ReadInt32();
        reader.Check(inputSize >= 1, $"the input size is {inputSize}");
        var layerCount = reader.ReadInt32();
        reader.Check(layerCount is >= 0 and <= 10_000, $"{layerCount} hidden layers");
        var layers = new List<MlpLayer>();
        for (var i = 0; i < layerCount; i++)
        {
            var kind = reader.ReadInt32();
            reader.Check(kind is DenseKind or DropoutKind, $"unknown layer kind {kind}");
            var units = reader.ReadInt32();
            var activation = MlpModelFormat.ReadEnum<MlpActivation>(reader, "activation");
            var (l1, l2, rate) = (reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle());
            MlpLayer layer = kind == DropoutKind ? MlpLayer.Dropout(rate) : MlpLayer.Dense(units, activation, l1, l2);
            MlpModelFormat.CheckLayer(reader, layer, i);
            layers.Add(layer);
        }

        var outputActivation = MlpModelFormat.ReadEnum<MlpActivation>(reader, "output activation");
        reader.Check(outputActivation != MlpActivation.Auto, "the output activation is Auto");
        var loss = MlpModelFormat.ReadEnum<MlpLoss>(reader, "loss");
        reader.Check(loss != MlpLoss.Auto, "the loss is Auto");
        var architecture = new NetworkArchitecture(inputSize, layers, layout.OutputUnits, outputActivation, loss);
        var weights = reader.ReadStream(weightsStream, stream => ReadWeights(reader, stream, architecture, torchLayout));
        var history = new List<MlpEpoch>();
        var epochs = reader.ReadInt32();
        reader.Check(epochs is >= 0 and <= 1_000_000, $"{epochs} history entries");
        for (var i = 0; i < epochs; i++)
        {
            var epoch = reader.ReadInt32();
            var (trainingLoss, metric, penalty, validationLoss) = (reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
            var validationPenalty = withValidationPenalty ? reader.ReadDouble() : double.NaN;
            var validationMetric = reader.ReadDouble();
            history.Add(new MlpEpoch(epoch, trainingLoss, metric, penalty, NullIfNaN(validationLoss), NullIfNaN(validationPenalty),
                NullIfNaN(validationMetric), reader.ReadString(), TimeSpan.FromTicks(reader.ReadInt64())));
        }

        return (new MlpModel(architecture, weights, layout.Task.Task, history), layout);
    }

    /// <summary>Every dense layer's kernel and bias, in run order; layers without weights (dropout) get none.</summary>
    private static List<LayerWeights> ReadWeights(ComponentReader reader, BinaryReader stream, NetworkArchitecture architecture, bool torchLayout)
    {
        var layers = architecture.LayersWithInputs().ToList();
        var dense = layers.Count(entry => entry.Layer is DenseLayer);
        var count = stream.ReadInt32();
        reader.Check(count == dense, $"weights for {count} dense layers, expected {dense}");
        var result = new List<LayerWeights>();
        foreach (var (layer, inputs) in layers)
        {
            var specs = layer.WeightsFor(inputs);
            if (layer is not DenseLayer)
            {
                result.Add(LayerWeights.None);
                continue;
            }

            var kernel = ReadFloats(reader, stream);
            var bias = ReadFloats(reader, stream);
            reader.Check(kernel.Length == (long)inputs * layer.Units && bias.Length == layer.Units,
                $"a dense layer of {inputs}x{layer.Units} holds {kernel.Length} kernel values and {bias.Length} biases");
            result.Add(new LayerWeights(specs, [torchLayout ? Transpose(kernel, layer.Units, inputs) : kernel, bias]));
        }

        return result;
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    private static float[] ReadFloats(ComponentReader reader, BinaryReader stream)
    {
        var length = stream.ReadInt32();
        var remaining = stream.BaseStream.Length - stream.BaseStream.Position;
        reader.Check(length >= 0 && length <= remaining / sizeof(float), $"a weight array claims {length} values but {remaining} bytes remain");
        var values = new float[length];
        stream.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>A rows × columns row-major matrix as columns × rows.</summary>
    private static float[] Transpose(float[] matrix, int rows, int columns)
    {
        var transposed = new float[matrix.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                transposed[c * rows + r] = matrix[r * columns + c];
            }
        }

        return transposed;
    }
}
