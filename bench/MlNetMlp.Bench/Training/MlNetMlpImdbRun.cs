using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Bench.Harness;
using MlNetMlp.Datasets;
using MlNetMlp.Pipelines;

namespace MlNetMlp.Bench.Training;

/// <summary>
/// Peer (a) of the IMDb-shaped training: <c>ImdbPipeline</c> (WordIndex of the 10,000 most frequent words,
/// VectorizeSequences to a sparse multi-hot, then 16-16-1) fitted on the real reviews through the project's reader.
/// Afterwards, outside the measurement, it writes the word-index sequences for the PyTorch peer, so both train on the
/// same vectors.
/// </summary>
internal static class MlNetMlpImdbRun
{
    public static TrainingMeasurement Measure(BenchArguments arguments)
    {
        var mlContext = new MLContext(seed: 1);
        var reviews = ImdbDataset.Load(arguments.Text("data"), DataSplit.Train);
        var fit = MlNetMlpFit.Run(ImdbPipeline.CreateMlpOptions(arguments.Integer("epochs")), arguments, options => ImdbPipeline.Create(mlContext, options), reviews);
        var rows = WriteSequences(fit.Model.Transform(reviews), arguments.Text("sequences-out"));
        return fit.Measurement(rows, trainingAccuracy: fit.Mlp.History[^1].TrainingMetric);
    }

    /// <summary>One line per review: the label (1 or 0), then its word indices.</summary>
    private static int WriteSequences(IDataView transformed, string path)
    {
        var label = transformed.Schema[ImdbPipeline.LabelColumnName];
        var indices = transformed.Schema[ImdbPipeline.WordIndicesColumnName];
        using var cursor = transformed.GetRowCursor([label, indices]);
        var labelGetter = cursor.GetGetter<bool>(label);
        var indicesGetter = cursor.GetGetter<VBuffer<int>>(indices);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var positive = false;
        var sequence = default(VBuffer<int>);
        var line = new StringBuilder();
        var rows = 0;
        while (cursor.MoveNext())
        {
            labelGetter(ref positive);
            indicesGetter(ref sequence);
            line.Clear().Append(positive ? '1' : '0');
            foreach (var index in sequence.DenseValues())
            {
                line.Append(' ').Append(index.ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteLine(line);
            rows++;
        }

        return rows;
    }
}
