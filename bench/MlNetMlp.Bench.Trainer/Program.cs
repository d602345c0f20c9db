using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp;
using MlNetMlp.Torch;
using MlNetMlp.Trainers;

// Trains 784-512-10 on the real MNIST for 5 epochs and prints seconds per epoch, torch threads and process memory
// after each epoch (it should stay flat), beside PyTorch doing the same in the same run.
// Usage: MlNetMlp.Bench.Trainer [mnist-folder] [epochs] [batch-size] [torch-threads]
const int DefaultEpochs = 5;
const int DefaultBatchSize = 128;
var folder = args.Length > 0 ? args[0] : MnistFolder();
var epochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : DefaultEpochs;
var batchSize = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : DefaultBatchSize;
int? threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null;

if (threads is { } requested)
{
    TorchRuntime.EnsureStarted();
    TorchSharp.torch.set_num_threads(requested);
}

var runtime = TorchRuntime.Describe();
Console.WriteLine($"MNIST from {folder}; 784-512-10, RMSprop lr 1e-3, batch {batchSize}, {epochs} epochs.");
Console.WriteLine($"MlNetMlp: ML.NET {runtime.MlNetVersion}, TorchSharp {runtime.TorchSharpVersion}, libtorch {runtime.LibTorchVersion}, " +
    $"torch threads {runtime.TorchThreads} on {runtime.ProcessorCount} cores.");

var mlContext = new MLContext(seed: 1);
var trainDigits = Digits.Read(folder, "train");
var train = mlContext.Data.LoadFromEnumerable(trainDigits);
var test = mlContext.Data.LoadFromEnumerable(Digits.Read(folder, "t10k"));
var ours = new List<(double Seconds, double ResidentMb, double ManagedMb)>();
var process = Process.GetCurrentProcess();
var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Digit.Class))
    .Append(mlContext.Mlp(new MlpOptions
    {
        HiddenLayers = [512],
        Epochs = epochs,
        BatchSize = batchSize,
        Seed = 1,
        NumberOfThreads = threads,
        Progress = epoch =>
        {
            process.Refresh();
            ours.Add((epoch.WallTime.TotalSeconds, process.WorkingSet64 / 1048576.0, GC.GetTotalMemory(forceFullCollection: false) / 1048576.0));
        },
    }));
var model = pipeline.Fit(train);
var accuracy = mlContext.MulticlassClassification.Evaluate(model.Transform(test)).MicroAccuracy;

var raw = RawTorchSharpPeer.Run(trainDigits, epochs, batchSize);
var peer = PyTorchPeer.Run(folder, epochs, batchSize);

Console.WriteLine();
Console.WriteLine($"{"epoch",5} | {"MlNetMlp s",10} {"RSS MB",8} {"managed MB",10} | {"raw TorchSharp s",16} | {"PyTorch s",9} {"RSS MB",8}");
for (var i = 0; i < ours.Count; i++)
{
    var theirs = peer?.Epochs.ElementAtOrDefault(i);
    var peerText = theirs is { } p ? $"{p.Seconds,9:F2} {p.ResidentMb,8:F0}" : $"{"-",9} {"-",8}";
    Console.WriteLine($"{i + 1,5} | {ours[i].Seconds,10:F2} {ours[i].ResidentMb,8:F0} {ours[i].ManagedMb,10:F1} | {raw[i],16:F2} | {peerText}");
}

Console.WriteLine($"test accuracy  | MlNetMlp {accuracy:F4} | PyTorch {(peer is null ? "-" : peer.Accuracy.ToString("F4", CultureInfo.InvariantCulture))}");
Console.WriteLine($"torch threads  | MlNetMlp {runtime.TorchThreads} | PyTorch {peer?.Threads.ToString(CultureInfo.InvariantCulture) ?? "-"}");
Console.WriteLine($"memory growth epoch 2 -> {ours.Count}: MlNetMlp RSS {ours[^1].ResidentMb - ours[Math.Min(1, ours.Count - 1)].ResidentMb:+0;-0;0} MB" +
    (peer is { Epochs.Count: > 1 } ? $", PyTorch RSS {peer.Epochs[^1].ResidentMb - peer.Epochs[1].ResidentMb:+0;-0;0} MB" : ""));
if (peer is null)
{
    Console.WriteLine("PyTorch peer skipped: python3 with torch is not available (apt-get install -y python3-torch libopenblas0-pthread).");
}

return 0;

static string MnistFolder()
{
    if (Environment.GetEnvironmentVariable("MLNETMLP_DATA") is { Length: > 0 } data)
    {
        return Path.Combine(data, "mnist");
    }

    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "MlNetMlp.sln")))
        {
            return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "mnist"));
        }
    }

    throw new DirectoryNotFoundException("Could not find the repository root (MlNetMlp.sln) to locate ../shared/data/mnist; pass the MNIST folder as the first argument.");
}

/// <summary>One MNIST image with its digit.</summary>
internal sealed class Digit
{
    [VectorType(784)]
    public float[] Features { get; set; } = [];

    public uint Class { get; set; }
}

/// <summary>Reads gzipped IDX image and label files into memory as floats, the form the raw TorchSharp peer trains on (MlNetMlp.Datasets streams them as bytes).</summary>
internal static class Digits
{
    public static List<Digit> Read(string folder, string prefix)
    {
        var images = Decompress(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"));
        var labels = Decompress(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"));
        var count = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(4));
        return Enumerable.Range(0, count).Select(i => new Digit
        {
            Features = images.AsSpan(16 + i * 784, 784).ToArray().Select(b => b / 255f).ToArray(),
            Class = labels[8 + i],
        }).ToList();
    }

    private static byte[] Decompress(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}

/// <summary>Runs pytorch_peer.py and parses its per-epoch lines.</summary>
internal sealed record PyTorchPeer(int Threads, IReadOnlyList<(double Seconds, double ResidentMb)> Epochs, double Accuracy)
{
    public static PyTorchPeer? Run(string folder, int epochs, int batchSize)
    {
        // The system interpreter first: Debian's python3-torch installs there, and a pyenv shim earlier on PATH would not see it.
        var python = Environment.GetEnvironmentVariable("PYTHON") is { Length: > 0 } configured ? configured : File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "pytorch_peer.py"), folder, epochs.ToString(CultureInfo.InvariantCulture), batchSize.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var lines = new List<string>();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                lines.Add(line);
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"PyTorch peer failed: {errors.Result.Trim().Split('\n').LastOrDefault()}");
                return null;
            }

            var threads = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
            var perEpoch = lines.Where(l => l.StartsWith("epoch ", StringComparison.Ordinal)).Select(l => l.Split(' '))
                .Select(p => (double.Parse(p[2], CultureInfo.InvariantCulture), double.Parse(p[3], CultureInfo.InvariantCulture))).ToList();
            var accuracy = double.Parse(lines.Single(l => l.StartsWith("accuracy ", StringComparison.Ordinal)).Split(' ')[1], CultureInfo.InvariantCulture);
            return new PyTorchPeer(threads, perEpoch, accuracy);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
