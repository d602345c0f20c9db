using System.Globalization;
using System.Text;

namespace MlNetMlp.Experiments.Reports;

/// <summary>Renders one CSV row per trainer with full-precision numbers (invariant culture, empty when not applicable).</summary>
internal static class ResultsCsv
{
    private static readonly string[] Header =
    [
        "trainer", "task", "status", "status_reason", "micro_accuracy", "macro_accuracy", "log_loss", "auc", "f1_score",
        "training_seconds", "prediction_rows_per_second", "model_bytes",
    ];

    public static string Render(ComparisonReport report)
    {
        var csv = new StringBuilder().AppendLine(string.Join(',', Header));
        foreach (var r in report.Results)
        {
            string[] cells =
            [
                Quote(r.Trainer), r.Task.ToString(), r.Status.ToString(), Quote(r.StatusReason ?? string.Empty),
                Number(r.MicroAccuracy), Number(r.MacroAccuracy), Number(r.LogLoss), Number(r.Auc), Number(r.F1Score),
                Number(r.TrainingSeconds), Number(r.PredictionRowsPerSecond), r.ModelBytes?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ];
            csv.AppendLine(string.Join(',', cells));
        }

        return csv.ToString();
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
