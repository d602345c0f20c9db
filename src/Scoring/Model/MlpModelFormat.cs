using System.Runtime.InteropServices;
using MlNetMlp.Core.Persistence;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Scoring.Tasks;

namespace MlNetMlp.Scoring.Model;

/// <summary>
/// The saved form of a trained <see cref="MlpModel"/> and its <see cref="LabelLayout"/>: label mapping and architecture
/// in the main stream, the weights in the binary stream "Weights" (float32, little-endian, read and written as whole
/// spans), then the history. Everything inference needs is here, so a model loads without the options it was trained
/// with. Version 1 (MlNetMlp 0.1) held each kernel as units × inputs and is transposed once when read.
/// </summary>
internal static class MlpModelFormat
{
    /// <summary>The binary stream of a transformer's single model; an ensemble's members use "Weights1", "Weights2"...</summary>
    public const string WeightsStream = "Weights";

    public static void Write(ComponentWriter writer, MlpModel model, LabelLayout layout, string weightsStream = WeightsStream)
    {
        writer.Write((int)layout.Task.Task);
        writer.Write((int)layout.Kind);
        writer.Write(layout.OutputUnits);
        writer.Write(layout.ClassNames is not null);
        if (layout.ClassNames is not null)
        {
            writer.Write(layout.ClassNames);
        }

        var architecture = model.Architecture;
        writer.Write(architecture.InputSize);
        writer.Write(architecture.HiddenLayers.Count);
        foreach (var layer in architecture.HiddenLayers)
        {
            writer.Write((int)layer.Kind);
            writer.Write(layer.Units);
            writer.Write((int)layer.Activation);
            writer.Write(layer.L1);
            writer.Write(layer.L2);
            writer.Write(layer.Rate);
        }

        writer.Write((int)architecture.OutputActivation);
        writer.Write((int)architecture.Loss);
        writer.WriteStream(weightsStream, stream =>
        {
            stream.Write(model.DenseLayers.Count);
            foreach (var layer in model.DenseLayers)
            {
                WriteFloats(stream, layer.Kernel);
                WriteFloats(stream, layer.Bias);
            }
        });
        writer.Write(model.History.Count);
        foreach (var epoch in model.History)
        {
            writer.Write(epoch.Epoch);
            writer.Write(epoch.TrainingLoss);
            writer.Write(epoch.TrainingMetric);
            writer.Write(epoch.PenaltyLoss);
            writer.Write(epoch.ValidationLoss ?? double.NaN);
            writer.Write(epoch.ValidationPenaltyLoss ?? double.NaN);
            writer.Write(epoch.ValidationMetric ?? double.NaN);
            writer.Write(epoch.MetricName);
            writer.Write(epoch.WallTime.Ticks);
        }
    }

    /// <summary>
    /// Reads a model; <paramref name="torchLayout"/> when its kernels were saved as units × inputs (MlNetMlp 0.1),
    /// <paramref name="withValidationPenalty"/> when its history holds each epoch's validation penalty.
    /// </summary>
    public static (MlpModel Model, LabelLayout Layout) Read(ComponentReader reader, bool withValidationPenalty, bool torchLayout = false, string weightsStream = WeightsStream)
    {
        var task = ReadEnum<MlpTask>(reader, "task");
        reader.Check(task != MlpTask.Auto, "the task is Auto");
        var kind = ReadEnum<LabelKind>(reader, "label kind");
        var definition = TaskDefinition.Of(task);
        reader.Check(definition.Accepts(kind), $"a {task} model with a {kind} label");
        var outputUnits = reader.ReadInt32();
        reader.Check(outputUnits >= 1, $"the output layer has {outputUnits} units");
        var classNames = reader.ReadBoolean() ? reader.ReadStrings() : null;
        reader.Check(classNames is null || classNames.Length == outputUnits,
            $"the label has {classNames?.Length} class names but the output layer has {outputUnits} units (key count mismatch)");
        var inputSize = reader.ReadInt32();
        reader.Check(inputSize >= 1, $"the input size is {inputSize}");
        var layerCount = reader.ReadInt32();
        reader.Check(layerCount is >= 0 and <= 10_000, $"{layerCount} hidden layers");
        var layers = new List<MlpLayer>();
        for (var i = 0; i < layerCount; i++)
        {
            var layerKind = ReadEnum<MlpLayerKind>(reader, "layer kind");
            var units = reader.ReadInt32();
            var activation = ReadEnum<MlpActivation>(reader, "activation");
            var (l1, l2, rate) = (reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle());
            var layer = layerKind == MlpLayerKind.Dropout ? MlpLayer.Dropout(rate) : MlpLayer.Dense(units, activation, l1, l2);
            try
            {
                layer.Validate("layers", $"Layer {i}");
            }
            catch (ArgumentOutOfRangeException e)
            {
                reader.Check(false, e.Message);
            }

            layers.Add(layer);
        }

        var outputActivation = ReadEnum<MlpActivation>(reader, "output activation");
        reader.Check(outputActivation != MlpActivation.Auto, "the output activation is Auto");
        var loss = ReadEnum<MlpLoss>(reader, "loss");
        reader.Check(loss != MlpLoss.Auto, "the loss is Auto");
        var architecture = new NetworkArchitecture(inputSize, layers, outputUnits, outputActivation, loss);
        var weights = reader.ReadStream(weightsStream, stream =>
        {
            var count = stream.ReadInt32();
            var expected = architecture.DenseLayers().ToList();
            reader.Check(count == expected.Count, $"weights for {count} dense layers, expected {expected.Count}");
            var result = new List<DenseWeights>();
            foreach (var (inputs, layer) in expected)
            {
                var kernel = ReadFloats(reader, stream);
                var bias = ReadFloats(reader, stream);
                reader.Check(kernel.Length == (long)inputs * layer.Units && bias.Length == layer.Units,
                    $"a dense layer of {inputs}x{layer.Units} holds {kernel.Length} kernel values and {bias.Length} biases");
                result.Add(new DenseWeights(inputs, layer.Units, torchLayout ? Transpose(kernel, layer.Units, inputs) : kernel, bias));
            }

            return result;
        });
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

        return (new MlpModel(architecture, weights, task, history), new LabelLayout(definition, kind, outputUnits, classNames));
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    private static T ReadEnum<T>(ComponentReader reader, string what)
        where T : struct, Enum
    {
        var value = reader.ReadInt32();
        reader.Check(Enum.IsDefined(typeof(T), value), $"unknown {what} {value}");
        return (T)(object)value;
    }

    private static void WriteFloats(BinaryWriter stream, float[] values)
    {
        stream.Write(values.Length);
        stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

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
