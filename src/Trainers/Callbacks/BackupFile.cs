using System.Security.Cryptography;
using System.Text;
using MlNetMlp.Callbacks;
using MlNetMlp.Scoring.Layers;
using MlNetMlp.Trainers.Torch;
using MlNetMlp.Trainers.Torch.Optimizers;

namespace MlNetMlp.Trainers.Callbacks;

/// <summary>
/// The file <see cref="BackupAndRestore"/> keeps: a run's <see cref="TrainingCheckpoint"/>, the state of the callbacks
/// that decide (<see cref="IBackedUpCallback"/>), and the description of the run it belongs to, so a different run
/// never resumes from it. Written atomically; a SHA-256 of the content ends it, so a damaged file is refused.
/// </summary>
internal static class BackupFile
{
    private const string Magic = "MLNETMLP-BACKUP";
    private const int Version = 1;

    public static void Write(string path, string run, TrainingCheckpoint checkpoint, IReadOnlyList<CallbackState?> callbacks)
    {
        using var content = new MemoryStream();
        using (var writer = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(run);
            writer.Write(checkpoint.CompletedEpochs);
            WriteHistory(writer, checkpoint.History);
            LayerWeightsCodec.Write(writer, checkpoint.Weights);
            WriteOptimizer(writer, checkpoint.Optimizer);
            writer.Write(checkpoint.Generator.Length);
            writer.Write(checkpoint.Generator);
            writer.Write(callbacks.Count);
            foreach (var state in callbacks)
            {
                WriteCallback(writer, state);
            }
        }

        var hash = SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length));
        AtomicFile.Write(path, file =>
        {
            file.Write(content.GetBuffer(), 0, (int)content.Length);
            file.Write(hash);
        });
    }

    /// <summary>Reads a backup of the run <paramref name="run"/> whose network holds <paramref name="weights"/>' shapes.</summary>
    public static (TrainingCheckpoint Checkpoint, IReadOnlyList<CallbackState?> Callbacks) Read(string path, string run, IReadOnlyList<IReadOnlyList<LayerWeight>> weights)
    {
        var bytes = File.ReadAllBytes(path);
        void Check(bool condition, string problem)
        {
            if (!condition)
            {
                throw new InvalidDataException($"The training backup '{path}' cannot be used: {problem}. Delete it to train from the start.");
            }
        }

        Check(bytes.Length > SHA256.HashSizeInBytes && SHA256.HashData(bytes.AsSpan(0, bytes.Length - SHA256.HashSizeInBytes)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - SHA256.HashSizeInBytes)),
            "its checksum does not match its content (the file was changed or damaged)");
        using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - SHA256.HashSizeInBytes), Encoding.UTF8);
        Check(reader.ReadString() == Magic, "it is not a training backup");
        var version = reader.ReadInt32();
        Check(version == Version, $"it is in backup format {version}, this MlNetMlp reads {Version}");
        var savedRun = reader.ReadString();
        Check(savedRun == run, $"it was written by another run ({savedRun}); this run is {run}");
        var completed = reader.ReadInt32();
        var history = ReadHistory(reader);
        var layers = LayerWeightsCodec.Read(reader, weights, Check);
        var optimizer = ReadOptimizer(reader);
        var generator = reader.ReadBytes(reader.ReadInt32());
        var callbacks = Enumerable.Range(0, reader.ReadInt32()).Select(_ => ReadCallback(reader, weights, Check)).ToList();
        return (new TrainingCheckpoint(completed, history, layers, optimizer, generator), callbacks);
    }

    private static void WriteHistory(BinaryWriter writer, IReadOnlyList<MlpEpoch> history)
    {
        writer.Write(history.Count);
        foreach (var epoch in history)
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
    }

    private static List<MlpEpoch> ReadHistory(BinaryReader reader) => [.. Enumerable.Range(0, reader.ReadInt32()).Select(_ =>
    {
        var (epoch, metric) = (reader.ReadInt32(), reader.ReadString());
        var figures = Enumerable.Range(0, reader.ReadInt32()).Select(_ => (reader.ReadString(), reader.ReadDouble())).ToDictionary(f => f.Item1, f => f.Item2);
        return MlpEpoch.FromFigures(epoch, metric, figures);
    })];

    private static void WriteOptimizer(BinaryWriter writer, OptimizerState state)
    {
        writer.Write(state.Iterations);
        writer.Write(state.LearningRate);
        writer.Write(state.Slots.Count);
        foreach (var slots in state.Slots)
        {
            writer.Write(slots.Count);
            foreach (var slot in slots)
            {
                WriteFloats(writer, slot);
            }
        }

        writer.Write(state.Scalars.Count);
        foreach (var scalar in state.Scalars)
        {
            writer.Write(scalar);
        }
    }

    private static OptimizerState ReadOptimizer(BinaryReader reader)
    {
        var (iterations, rate) = (reader.ReadInt64(), reader.ReadDouble());
        var slots = Enumerable.Range(0, reader.ReadInt32()).Select(_ => (IReadOnlyList<float[]>)[.. Enumerable.Range(0, reader.ReadInt32()).Select(_ => ReadFloats(reader))]).ToList();
        var scalars = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadDouble()).ToList();
        return new OptimizerState(iterations, rate, slots, scalars);
    }

    private static void WriteCallback(BinaryWriter writer, CallbackState? state)
    {
        writer.Write(state is not null);
        if (state is null)
        {
            return;
        }

        writer.Write(state.Numbers.Count);
        foreach (var number in state.Numbers)
        {
            writer.Write(number);
        }

        writer.Write(state.Weights is not null);
        if (state.Weights is not null)
        {
            writer.Write(state.WeightsEpoch);
            LayerWeightsCodec.Write(writer, state.Weights);
        }
    }

    private static CallbackState? ReadCallback(BinaryReader reader, IReadOnlyList<IReadOnlyList<LayerWeight>> weights, Action<bool, string> check)
    {
        if (!reader.ReadBoolean())
        {
            return null;
        }

        var numbers = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadDouble()).ToList();
        if (!reader.ReadBoolean())
        {
            return new CallbackState(numbers);
        }

        var epoch = reader.ReadInt32();
        return new CallbackState(numbers, LayerWeightsCodec.Read(reader, weights, check), epoch);
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static float[] ReadFloats(BinaryReader reader)
    {
        var values = new float[reader.ReadInt32()];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
