using MlNetMlp.Persistence;
using MlNetMlp.Torch;

namespace MlNetMlp.Trainers;

/// <summary>
/// The saved form of a trained <see cref="MlpModel"/> and its <see cref="LabelLayout"/>: architecture and label
/// mapping in the main stream, weights in the binary stream "Weights" (float32, torch layout), then the history.
/// Everything inference needs is here, so a model loads without the options it was trained with.
/// </summary>
internal static class MlpModelFormat
{
    private const string WeightsStream = "Weights";

    public static void Write(ComponentWriter writer, MlpModel model, LabelLayout layout)
    {
        writer.Write((int)layout.Task);
        writer.Write((int)layout.Kind);
        writer.Write(layout.OutputUnits);
        writer.Write(layout.ClassNames is not null);
        if (layout.ClassNames is not null)
        {
            writer.Write(layout.ClassNames);
        }

        var architecture = model.Network.Architecture;
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
        writer.WriteStream(WeightsStream, stream =>
        {
            var weights = model.Network.ExportWeights();
            stream.Write(weights.Count);
            foreach (var (kernel, bias) in weights)
            {
                WriteFloats(stream, kernel);
                WriteFloats(stream, bias);
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
            writer.Write(epoch.ValidationMetric ?? double.NaN);
            writer.Write(epoch.MetricName);
            writer.Write(epoch.WallTime.Ticks);
        }
    }

    public static (MlpModel Model, LabelLayout Layout) Read(ComponentReader reader)
    {
        var task = ReadEnum<MlpTask>(reader, "task");
        var kind = ReadEnum<LabelKind>(reader, "label kind");
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
                layer.Validate($"Layer {i}");
            }
            catch (ArgumentOutOfRangeException e)
            {
                reader.Check(false, e.Message);
            }

            layers.Add(layer);
        }

        var architecture = new NetworkArchitecture(inputSize, layers, outputUnits, ReadEnum<MlpActivation>(reader, "output activation"), ReadEnum<MlpLoss>(reader, "loss"));
        var weights = reader.ReadStream(WeightsStream, stream =>
        {
            var count = stream.ReadInt32();
            var expected = architecture.DenseLayers().ToList();
            reader.Check(count == expected.Count, $"weights for {count} dense layers, expected {expected.Count}");
            var result = new List<(float[] Kernel, float[] Bias)>();
            foreach (var (inputs, layer) in expected)
            {
                var kernel = ReadFloats(stream);
                var bias = ReadFloats(stream);
                reader.Check(kernel.Length == (long)inputs * layer.Units && bias.Length == layer.Units,
                    $"a dense layer of {inputs}x{layer.Units} holds {kernel.Length} kernel values and {bias.Length} biases");
                result.Add((kernel, bias));
            }

            return result;
        });
        var network = new MlpNetwork(architecture, Trainers.MlpKernelInitializer.GlorotUniform, seed: 0);
        network.ImportWeights(weights);
        network.eval();
        var history = new List<MlpEpoch>();
        var epochs = reader.ReadInt32();
        reader.Check(epochs >= 0, $"{epochs} history entries");
        for (var i = 0; i < epochs; i++)
        {
            var epoch = reader.ReadInt32();
            var (loss, metric, penalty, validationLoss, validationMetric) = (reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
            history.Add(new MlpEpoch(epoch, loss, metric, penalty, double.IsNaN(validationLoss) ? null : validationLoss,
                double.IsNaN(validationMetric) ? null : validationMetric, reader.ReadString(), TimeSpan.FromTicks(reader.ReadInt64())));
        }

        return (new MlpModel(network, task, history), new LabelLayout(task, kind, outputUnits, classNames));
    }

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
        foreach (var value in values)
        {
            stream.Write(value);
        }
    }

    private static float[] ReadFloats(BinaryReader stream)
    {
        var length = stream.ReadInt32();
        if (length < 0 || length > stream.BaseStream.Length)
        {
            throw new ModelFormatException($"The saved MLP weights are corrupt: a weight array claims {length} values.");
        }

        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = stream.ReadSingle();
        }

        return values;
    }
}
