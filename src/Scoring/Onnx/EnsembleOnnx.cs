using MlNetMlp.Core.Onnx;
using MlNetMlp.Scoring.Prediction;

namespace MlNetMlp.Scoring.Onnx;

/// <summary>
/// A deep ensemble as ONNX, combined as <see cref="EnsembleScorer"/> combines it: every member's network, the mean of
/// their activated outputs, the standard deviation across members (dividing by the count), and as raw output the
/// logit of the mean probability (sigmoid) or its log (softmax), clamped to [1e-7, 1 - 1e-7] first.
/// </summary>
internal static class EnsembleOnnx
{
    private const float Tiny = 1e-7f;

    public static NetworkOnnxOutputs Write(OnnxGraph graph, IReadOnlyList<MlpModel> members, string features)
    {
        var count = graph.Constant((float)members.Count);
        var activated = members.Select(member => NetworkOnnx.Write(graph, member, features).Activated).ToArray();
        var mean = graph.Apply("Div", graph.Apply("Sum", activated), count);
        var squares = activated.Select(a =>
        {
            var deviation = graph.Apply("Sub", a, mean);
            return graph.Apply("Mul", deviation, deviation);
        }).ToArray();
        var spread = graph.Apply("Sqrt", graph.Apply("Div", graph.Apply("Sum", squares), count));

        var outputActivation = members[0].OutputActivation;
        var raw = outputActivation is MlpActivation.Sigmoid or MlpActivation.Softmax
            ? RawOfProbability(graph, graph.Apply("Clip", mean, graph.Constant(Tiny), graph.Constant(1 - Tiny)), outputActivation)
            : mean;
        return new NetworkOnnxOutputs(raw, mean, spread);
    }

    private static string RawOfProbability(OnnxGraph graph, string p, MlpActivation outputActivation) => outputActivation == MlpActivation.Sigmoid
        ? graph.Apply("Log", graph.Apply("Div", p, graph.Apply("Sub", graph.Constant(1f), p)))
        : graph.Apply("Log", p);
}
