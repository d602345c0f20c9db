using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.ML;
using Microsoft.ML.TorchSharp;

namespace MlNetMlp.Experiments;

/// <summary>Baselines that are off by default because they need something this library cannot promise.</summary>
public static class OptionalCandidates
{
    /// <summary>
    /// ML.NET's own transformer text classifier (Microsoft.ML.TorchSharp, RoBERTa-based NAS-BERT, fine-tuned on the
    /// raw review text). It downloads pretrained weights on first use and needs hours of CPU for the full IMDb set; where
    /// the weights cannot be obtained the comparison reports it as skipped, with the reason.
    /// </summary>
    /// <param name="textColumnName">The raw review text.</param>
    /// <param name="labelColumnName">The raw Boolean label; the candidate maps it to the key label the trainer needs.</param>
    /// <param name="epochs">Fine-tuning epochs.</param>
    /// <returns>The candidate, evaluated as a two-class multiclass problem (accuracy; no AUC or F1).</returns>
    public static Candidate TorchSharpTextClassification(string textColumnName, string labelColumnName, int epochs = 1)
    {
        const string keyLabel = "TextClassificationLabel";
        return new Candidate(
            "TorchSharp TextClassification",
            CandidateInput.Raw,
            setup => setup.MlContext.Transforms.Conversion.MapValueToKey(keyLabel, labelColumnName)
                .Append(setup.MlContext.MulticlassClassification.Trainers.TextClassification(
                    labelColumnName: keyLabel, sentence1ColumnName: textColumnName, maxEpochs: epochs)),
            Evaluation: ComparisonTask.Multiclass,
            LabelColumnName: keyLabel,
            SkipReason: WeightsUnavailable);
    }

    /// <summary>A reason when the failure is the pretrained weights' download; null for any other failure.</summary>
    internal static string? WeightsUnavailable(Exception failure)
    {
        for (var cause = failure; cause is not null; cause = cause.InnerException)
        {
            if (cause is HttpRequestException or SocketException or WebException || cause.Message.Contains("download", StringComparison.OrdinalIgnoreCase))
            {
                return $"its pretrained weights could not be downloaded ({FirstClause(cause.Message)})";
            }
        }

        return null;
    }

    /// <summary>ML.NET's download errors run to many lines of retries; the report keeps what failed and from where.</summary>
    private static string FirstClause(string message)
    {
        var line = message.Split('\n')[0];
        var end = line.IndexOf("': ", StringComparison.Ordinal);
        return end < 0 ? line : line[..(end + 1)];
    }
}
