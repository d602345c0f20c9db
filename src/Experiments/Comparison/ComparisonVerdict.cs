using System.Globalization;

namespace MlNetMlp.Experiments;

/// <summary>
/// The answer to the question a comparison is run for: does an MLP beat the best of ML.NET's own trainers on test
/// accuracy? Says so for each MLP, with its margin and the sampling error of an accuracy on that many test rows, so a
/// margin smaller than the noise is read as such.
/// </summary>
public static class ComparisonVerdict
{
    /// <summary>The verdict in sentences: the best ML.NET trainer, each MLP's margin over it, and the answer.</summary>
    /// <param name="report">The comparison's results.</param>
    /// <returns>The sentences; one saying why there is no verdict when no MLP or no ML.NET trainer completed.</returns>
    public static IReadOnlyList<string> Sentences(ComparisonResult report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var completed = report.Results.Where(r => r.Status == TrainerStatus.Completed && r.MicroAccuracy.HasValue).ToList();
        var best = completed.Where(r => !r.IsMlp).MaxBy(r => r.MicroAccuracy);
        var mlps = completed.Where(r => r.IsMlp).ToList();
        if (best is null || mlps.Count == 0)
        {
            return ["No verdict: it needs at least one MLP and one ML.NET trainer that completed."];
        }

        var metric = report.Task == ComparisonTask.Binary ? "accuracy" : "micro-accuracy";
        var bestAccuracy = best.MicroAccuracy!.Value;
        var error = Math.Sqrt(bestAccuracy * (1 - bestAccuracy) / Math.Max(report.Data.TestRows, 1));
        var sentences = new List<string>
        {
            $"Best ML.NET trainer: {best.Trainer}, {metric} {Metric(bestAccuracy)} on {report.Data.TestRows.ToString("N0", CultureInfo.InvariantCulture)} test rows "
            + $"(the standard error of an accuracy near it on that many rows is {Metric(error)}).",
        };
        foreach (var mlp in mlps)
        {
            var margin = mlp.MicroAccuracy!.Value - bestAccuracy;
            var relation = margin switch
            {
                > 0 => $"{Metric(margin)} above it",
                < 0 => $"{Metric(-margin)} below it",
                _ => "level with it",
            };
            sentences.Add($"{mlp.Trainer}: {Metric(mlp.MicroAccuracy.Value)}, {relation}.");
        }

        var winners = mlps.Where(m => m.MicroAccuracy > bestAccuracy).Select(m => m.Trainer).ToList();
        sentences.Add(winners.Count switch
        {
            0 => mlps.Count switch
            {
                1 => "The MLP does not beat the best ML.NET trainer.",
                2 => "Neither MLP beats the best ML.NET trainer.",
                _ => "No MLP beats the best ML.NET trainer.",
            },
            _ => $"{string.Join(" and ", winners)} {(winners.Count == 1 ? "beats" : "beat")} the best ML.NET trainer"
                + (winners.All(w => mlps.First(m => m.Trainer == w).MicroAccuracy - bestAccuracy < 2 * error) ? ", by less than two standard errors." : "."),
        });
        return sentences;
    }

    private static string Metric(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
