using System.Text.Json;
using MlNetMlp.Bench.Inference;
using MlNetMlp.Bench.Training;
using MlNetMlp.Bench.Transforms;

namespace MlNetMlp.Bench.Harness;

/// <summary>
/// The measurements that run in a child process of their own: each prints progress on stderr and its result as one
/// JSON line on stdout, which <see cref="ChildProcess"/> reads back.
/// </summary>
internal static class Measurements
{
    public const string MnistMlNetMlp = "mnist-mlnetmlp";
    public const string MnistTorchSharp = "mnist-torchsharp";
    public const string ImdbMlNetMlp = "imdb-mlnetmlp";
    public const string Scoring = "scoring";
    public const string VectorizeSequences = "vectorize-sequences";

    public static int Run(string name, BenchArguments arguments)
    {
        object result = name switch
        {
            MnistMlNetMlp => MlNetMlpMnistRun.Measure(arguments),
            MnistTorchSharp => TorchSharpMnistRun.Measure(arguments),
            ImdbMlNetMlp => MlNetMlpImdbRun.Measure(arguments),
            Scoring => MnistScoringRun.Measure(arguments),
            VectorizeSequences => VectorizeSequencesRun.Measure(arguments),
            _ => throw new ArgumentException($"Expected a measurement name ({MnistMlNetMlp}, {MnistTorchSharp}, {ImdbMlNetMlp}, {Scoring}, {VectorizeSequences}). Received: {name}"),
        };
        Console.WriteLine(JsonSerializer.Serialize(result, result.GetType(), ChildProcess.Json));
        return 0;
    }
}
