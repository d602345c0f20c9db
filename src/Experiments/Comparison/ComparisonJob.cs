using Microsoft.ML;

namespace MlNetMlp.Experiments;

/// <summary>Runs a <see cref="ComparisonPlan"/> on training and test data and assembles the report.</summary>
public static class ComparisonJob
{
    /// <summary>Runs every candidate and returns the report, ready for <see cref="ReportWriter.Write(ComparisonReport, string)"/>.</summary>
    /// <param name="mlContext">The context; its seed makes the run repeatable.</param>
    /// <param name="plan">What to prepare and which trainers to compare.</param>
    /// <param name="train">Raw training data.</param>
    /// <param name="test">Raw test data.</param>
    /// <param name="data">Where the data came from and how many rows each part has.</param>
    /// <param name="progress">Receives a line as each candidate starts and ends.</param>
    /// <returns>The report, with the machine and the loaded versions.</returns>
    public static ComparisonReport Run(MLContext mlContext, ComparisonPlan plan, IDataView train, IDataView test, DataDescription data, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var runner = new ComparisonRunner(mlContext, plan.Task, plan.Preparation, plan.LabelColumnName);
        var results = runner.Run(train, test, plan.Candidates, progress);
        return new ComparisonReport
        {
            Title = plan.Title,
            Task = plan.Task,
            Data = data,
            Machine = MachineDescription.Current(),
            Versions = ComponentVersions.Loaded(), // after the run, so every assembly the trainers used is listed
            Results = results,
        };
    }
}
