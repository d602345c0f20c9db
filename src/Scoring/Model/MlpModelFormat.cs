using MlNetMlp.Core.Persistence;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Scoring.Network;
using MlNetMlp.Scoring.Tasks;

namespace MlNetMlp.Scoring.Model;

/// <summary>
/// The saved form of a trained <see cref="MlpModel"/> and its <see cref="LabelLayout"/> (MlNetMlp 0.3 on). The main
/// stream holds the label mapping, the layer kinds the file needs (each with the release that introduced it, so an
/// older release refuses a kind it does not know by name), each layer's kind and configuration by name
/// (<see cref="LayerConfig"/>), the output activation and loss by name, and the history as named figures, then the training settings by name; the binary
/// stream "Weights" holds each layer's weights by name and shape (float32, little-endian, whole spans). So a new layer
/// kind, a new option or a new figure changes no format. Files of 0.1 and 0.2 are read by <see cref="LegacyModelFormat"/>.
/// </summary>
internal static class MlpModelFormat
{
    /// <summary>The binary stream of a transformer's single model; an ensemble's members use "Weights1", "Weights2"...</summary>
    public const string WeightsStream = "Weights";

    /// <summary>This release, as the message about a kind it does not know names it.</summary>
    private static readonly Version ThisRelease = typeof(MlpModelFormat).Assembly.GetName().Version!;

    public static void Write(ComponentWriter writer, MlpModel model, LabelLayout layout, string weightsStream = WeightsStream)
    {
        WriteLayout(writer, layout);
        var architecture = model.Architecture;
        writer.Write(architecture.InputSize);
        var kinds = architecture.Layers.Select(layer => layer.Kind).Distinct().ToList();
        writer.Write(kinds.Count);
        foreach (var kind in kinds)
        {
            writer.Write(kind.Name);
            writer.Write(kind.Since.ToString());
        }

        writer.Write(architecture.HiddenLayers.Count);
        foreach (var layer in architecture.HiddenLayers)
        {
            writer.Write(layer.Kind.Name);
            writer.Write(layer.Trainable);
            var config = new LayerConfig();
            layer.WriteConfig(config);
            config.Write(writer);
        }

        writer.Write(architecture.OutputActivation.ToString());
        writer.Write(architecture.Loss.ToString());
        writer.WriteStream(weightsStream, stream => LayerWeightsCodec.Write(stream, model.Weights));
        writer.Write(model.History.Count);
        foreach (var epoch in model.History)
        {
            writer.Write(epoch.Epoch);
            writer.Write(epoch.MetricName);
            var figures = epoch.Figures;
            writer.Write(figures.Count);
            foreach (var (name, value) in figures)
            {
                writer.Write(name);
                writer.Write(value);
            }
        }

        writer.Write(model.TrainingSettings.Count);
        foreach (var (setting, text) in model.TrainingSettings)
        {
            writer.Write(setting);
            writer.Write(text);
        }
    }

    /// <summary>Reads a model; <paramref name="withTrainingSettings"/> when the file records them (transformer format 6 on).</summary>
    public static (MlpModel Model, LabelLayout Layout) Read(ComponentReader reader, bool withTrainingSettings, string weightsStream = WeightsStream)
    {
        var layout = ReadLayout(reader);
        var inputSize = reader.ReadInt32();
        reader.Check(inputSize >= 1, $"the input size is {inputSize}");
        var kindCount = reader.ReadInt32();
        reader.Check(kindCount is >= 0 and <= 1000, $"{kindCount} layer kinds");
        for (var i = 0; i < kindCount; i++)
        {
            var (name, since) = (reader.ReadString(), reader.ReadString());
            if (!LayerKinds.IsKnown(name))
            {
                throw reader.Unreadable($"layer kind '{name}' needs MlNetMlp ≥ {since}; this is {ThisRelease.ToString(3)}, which knows {string.Join(", ", LayerKinds.All)}");
            }
        }

        var layerCount = reader.ReadInt32();
        reader.Check(layerCount is >= 0 and <= 10_000, $"{layerCount} hidden layers");
        var layers = new List<MlpLayer>();
        for (var i = 0; i < layerCount; i++)
        {
            layers.Add(ReadLayer(reader, i));
        }

        var outputActivation = ReadName<MlpActivation>(reader, "output activation");
        reader.Check(outputActivation != MlpActivation.Auto, "the output activation is Auto");
        var loss = ReadName<MlpLoss>(reader, "loss");
        reader.Check(loss != MlpLoss.Auto, "the loss is Auto");
        var architecture = new NetworkArchitecture(inputSize, layers, layout.OutputUnits, outputActivation, loss);
        var weights = reader.ReadStream(weightsStream, stream => LayerWeightsCodec.Read(stream, architecture.WeightSpecs(), reader.Check));
        var history = new List<MlpEpoch>();
        var epochs = reader.ReadInt32();
        reader.Check(epochs is >= 0 and <= 1_000_000, $"{epochs} history entries");
        for (var i = 0; i < epochs; i++)
        {
            var (epoch, metricName) = (reader.ReadInt32(), reader.ReadString());
            var count = reader.ReadInt32();
            reader.Check(count is >= 0 and <= 10_000, $"epoch {epoch} has {count} figures");
            var figures = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var f = 0; f < count; f++)
            {
                var name = reader.ReadString();
                reader.Check(figures.TryAdd(name, reader.ReadDouble()), $"epoch {epoch} has the figure '{name}' twice");
            }

            try
            {
                history.Add(MlpEpoch.FromFigures(epoch, metricName, figures));
            }
            catch (KeyNotFoundException e)
            {
                reader.Check(false, e.Message);
            }
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (withTrainingSettings)
        {
            var count = reader.ReadInt32();
            reader.Check(count is >= 0 and <= 10_000, $"{count} training settings");
            for (var i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                reader.Check(settings.TryAdd(name, reader.ReadString()), $"the training setting '{name}' twice");
            }
        }

        return (new MlpModel(architecture, weights, layout.Task.Task, history, settings), layout);
    }

    /// <summary>The label mapping: task, label kind, output units and class names (the same in every format version).</summary>
    public static void WriteLayout(ComponentWriter writer, LabelLayout layout)
    {
        writer.Write((int)layout.Task.Task);
        writer.Write((int)layout.Kind);
        writer.Write(layout.OutputUnits);
        writer.Write(layout.ClassNames is not null);
        if (layout.ClassNames is not null)
        {
            writer.Write(layout.ClassNames);
        }
    }

    public static LabelLayout ReadLayout(ComponentReader reader)
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
        return new LabelLayout(definition, kind, outputUnits, classNames);
    }

    public static T ReadEnum<T>(ComponentReader reader, string what)
        where T : struct, Enum
    {
        var value = reader.ReadInt32();
        reader.Check(Enum.IsDefined(typeof(T), value), $"unknown {what} {value}");
        return (T)(object)value;
    }

    /// <summary>Checks a layer read from a file as the options check it, as a corrupt file when it fails.</summary>
    public static void CheckLayer(ComponentReader reader, MlpLayer layer, int index)
    {
        try
        {
            layer.Validate("layers", $"Layer {index}");
        }
        catch (ArgumentOutOfRangeException e)
        {
            reader.Check(false, e.Message);
        }
    }

    private static MlpLayer ReadLayer(ComponentReader reader, int index)
    {
        var kind = reader.ReadString();
        reader.Check(LayerKinds.IsKnown(kind), $"layer {index} is of kind '{kind}', which the file's list of kinds does not name");
        var trainable = reader.ReadBoolean();
        var config = LayerConfig.Read(reader, $"layer {index} ({kind})");
        MlpLayer layer;
        try
        {
            layer = LayerKinds.FromConfig(kind, config, trainable);
            config.CheckAllRead();
        }
        catch (FormatException e)
        {
            throw reader.Unreadable($"layer {index} ({kind}, {config}): {e.Message}; a newer MlNetMlp wrote it");
        }

        CheckLayer(reader, layer, index);
        return layer;
    }

    private static T ReadName<T>(ComponentReader reader, string what)
        where T : struct, Enum
    {
        var name = reader.ReadString();
        if (!Enum.TryParse<T>(name, ignoreCase: false, out var value) || !Enum.IsDefined(value) || int.TryParse(name, out _))
        {
            throw reader.Unreadable($"the {what} '{name}' is unknown to this release (it knows {string.Join(", ", Enum.GetNames<T>())}); a newer MlNetMlp wrote it");
        }

        return value;
    }
}
