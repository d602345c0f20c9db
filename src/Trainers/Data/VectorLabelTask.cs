namespace MlNetMlp.Trainers;

/// <summary>
/// Decides and checks the task of a vector label from its values: rows that are non-negative and sum to 1 (one-hot
/// or soft targets) mean multiclass; rows of 0s and 1s with any row holding several 1s mean multilabel.
/// </summary>
internal static class VectorLabelTask
{
    private const float SumTolerance = 1e-4f;

    public static MlpTask Resolve(MlpTask? requested, ReadOnlySpan<float> targets, int width, string labelColumnName)
    {
        var rows = targets.Length / width;
        bool allDistributions = true, allBinary = true;
        for (var row = 0; row < rows; row++)
        {
            var values = targets.Slice(row * width, width);
            var sum = 0f;
            foreach (var value in values)
            {
                allDistributions &= value >= 0;
                allBinary &= value is 0 or 1;
                sum += value;
            }

            allDistributions &= Math.Abs(sum - 1) <= SumTolerance;
        }

        var task = requested ?? (allDistributions ? MlpTask.MulticlassClassification
            : allBinary ? MlpTask.MultilabelClassification
            : throw new ArgumentOutOfRangeException(labelColumnName,
                $"Column '{labelColumnName}': expected a one-hot or 0/1 vector label to pick the task automatically, found other values. Set MlpOptions.Task = MlpTask.Regression for vector regression targets."));
        if (task == MlpTask.MulticlassClassification && !allDistributions)
        {
            throw new ArgumentOutOfRangeException(labelColumnName, $"Column '{labelColumnName}': expected one-hot (or non-negative, summing to 1) rows for multiclass classification, found other values.");
        }

        if (task == MlpTask.MultilabelClassification && !allBinary)
        {
            throw new ArgumentOutOfRangeException(labelColumnName, $"Column '{labelColumnName}': expected 0 and 1 only for multilabel classification, found other values.");
        }

        return task;
    }
}
