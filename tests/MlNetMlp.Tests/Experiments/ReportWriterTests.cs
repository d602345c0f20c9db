using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlNetMlp.Datasets;
using MlNetMlp.Experiments;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Experiments;

[TestClass]
public sealed class ReportWriterTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [TestMethod]
    public void ReportWriter_Write_MulticlassReportProducesEveryFileWithTheNumbers()
    {
        using var folder = new TemporaryDirectory();
        var (report, context) = MulticlassReport();

        var files = StudyReports.Write(report, context, folder.File("report"));

        CollectionAssert.AreEquivalent(
            new[] { "accuracy.png", "training-time.png", "learning-loss.png", "learning-accuracy.png", "confusion-mlp-512-relu.png" },
            files.Charts.Select(c => c.FileName).ToArray());
        foreach (var chart in files.Charts)
        {
            var png = File.ReadAllBytes(Path.Combine(files.Directory, chart.FileName));
            CollectionAssert.AreEqual(PngSignature, png[..8], chart.FileName);
            Assert.IsGreaterThan(5_000, png.Length, $"{chart.FileName} has content");
        }

        var csv = File.ReadAllLines(files.Csv);
        Assert.HasCount(4, csv);
        Assert.AreEqual("trainer,task,status,status_reason,micro_accuracy,macro_accuracy,log_loss_nats,auc,f1_score,training_seconds,prediction_rows_per_second,model_bytes,settings", csv[0]);
        Assert.AreEqual("Mlp 512 relu,Multiclass,Completed,,0.9712345,0.97,0.0951,,,41.25,15000.7,1634567,\"Dense(512, Relu) then the output layer; RmsProp, 5 epochs\"", csv[1]);
        Assert.AreEqual("SdcaMaximumEntropy,Multiclass,Completed,,0.9123,0.9101,0.3,,,12.5,250000,31744,ML.NET defaults: L2 chosen from the data", csv[2]);
        Assert.AreEqual("TorchSharp TextClassification,Multiclass,Skipped,\"weights unavailable offline, no network\",,,,,,,,,", csv[3]);

        using var json = JsonDocument.Parse(File.ReadAllText(files.Json));
        var root = json.RootElement;
        Assert.AreEqual("MNIST", root.GetProperty("data").GetProperty("name").GetString());
        Assert.AreEqual(8_000, root.GetProperty("data").GetProperty("trainRows").GetInt64());
        Assert.AreEqual(2, root.GetProperty("machine").GetProperty("logicalCores").GetInt32());
        Assert.AreEqual("6.0.0", root.GetProperty("versions").GetProperty("Microsoft.ML").GetString());
        var mlp = root.GetProperty("results")[0];
        Assert.AreEqual(0.9712345, mlp.GetProperty("microAccuracy").GetDouble());
        Assert.AreEqual(1_634_567, mlp.GetProperty("modelBytes").GetInt64());
        Assert.AreEqual(0.41, mlp.GetProperty("learningCurve")[1].GetProperty("validationLoss").GetDouble());
        Assert.AreEqual(3, mlp.GetProperty("confusionMatrix").GetProperty("counts")[2][2].GetInt64());
        Assert.AreEqual("Skipped", root.GetProperty("results")[2].GetProperty("status").GetString());
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("results")[2].GetProperty("microAccuracy").ValueKind);

        var markdown = File.ReadAllText(files.Markdown);
        StringAssert.Contains(markdown, "# MNIST: MLP against ML.NET trainers");
        StringAssert.Contains(markdown, "| Trainer | Status | Micro-accuracy | Macro-accuracy | Log-loss (nats) | Training (s) | Prediction (rows/s) | Model size |");
        StringAssert.Contains(markdown, "| Mlp 512 relu | completed | 0.9712 | 0.9700 | 0.0951 | 41.25 | 15,001 | 1.56 MB |");
        StringAssert.Contains(markdown, "| SdcaMaximumEntropy | completed | 0.9123 | 0.9101 | 0.3000 | 12.50 | 250,000 | 31.0 KB |");
        StringAssert.Contains(markdown, "| TorchSharp TextClassification | skipped: weights unavailable offline, no network | - | - | - | - | - | - |");
        StringAssert.Contains(markdown, "| 2 | 0.2100 | 0.4100 | 0.9400 | 0.8900 |");
        StringAssert.Contains(markdown, "| actual \\ predicted | zero | one | two |");
        StringAssert.Contains(markdown, "| two | 0 | 1 | 3 |");
        StringAssert.Contains(markdown, "| Source | Embedded MNIST sample |");
        StringAssert.Contains(markdown, "| Logical cores | 2 |");
        StringAssert.Contains(markdown, "![Confusion matrix of Mlp 512 relu (test rows)](confusion-mlp-512-relu.png)");
        Assert.DoesNotContain("AUC", markdown, "binary-only columns are left out of a multiclass report");

        StringAssert.Contains(markdown, "Best ML.NET trainer: SdcaMaximumEntropy, micro-accuracy 0.9123 on 2,000 test rows (the standard error of an accuracy near it on that many rows is 0.0063). Mlp 512 relu: 0.9712, 0.0589 above it. Mlp 512 relu beats the best ML.NET trainer.");
        StringAssert.Contains(markdown, "in nats (natural logarithm)");
        StringAssert.Contains(markdown, "multiplies it by ln 2 = 0.6931");
        StringAssert.Contains(markdown, "Command line: mlnetmlp compare mnist --seed 3");
        StringAssert.Contains(markdown, "Seed: 3 (");
        StringAssert.Contains(markdown, "| Mlp 512 relu | Dense(512, Relu) then the output layer; RmsProp, 5 epochs |");
        StringAssert.Contains(markdown, "| TorchSharp TextClassification | - |");
        StringAssert.Contains(markdown, "| Validation rows | 800 |");

        var html = File.ReadAllText(files.Html);
        Assert.AreEqual(files.Charts.Count, CountOf(html, "src=\"data:image/png;base64,"), "every chart is embedded");
        Assert.AreEqual(files.Charts.Count, CountOf(html, "src="), "nothing is linked from outside");
        StringAssert.Contains(html, "<td>Mlp 512 relu</td><td>completed</td><td>0.9712</td>");
        StringAssert.Contains(html, "<th>actual \\ predicted</th>");
    }

    [TestMethod]
    public void ReportWriter_Write_BinaryReportHasAucAndF1()
    {
        using var folder = new TemporaryDirectory();
        var (multiclass, context) = MulticlassReport();
        var report = multiclass with
        {
            Task = ComparisonTask.Binary,
            Results =
            [
                new TrainerResult
                {
                    Trainer = "FastTree", Task = ComparisonTask.Binary, MicroAccuracy = 0.85, MacroAccuracy = 0.849,
                    LogLoss = double.PositiveInfinity, Auc = 0.9312, F1Score = 0.8456, TrainingSeconds = 3.2, PredictionRowsPerSecond = 9000, ModelBytes = 900,
                },
            ],
        };

        var files = StudyReports.Write(report, context with { Title = "IMDb" }, folder.Path);

        CollectionAssert.AreEquivalent(new[] { "accuracy.png", "training-time.png" }, files.Charts.Select(c => c.FileName).ToArray());
        StringAssert.Contains(File.ReadAllText(files.Markdown), "| Trainer | Status | Accuracy | Macro-accuracy | Log-loss (nats) | AUC | F1 |");
        StringAssert.Contains(File.ReadAllText(files.Markdown), "| FastTree | completed | 0.8500 | 0.8490 | Infinity | 0.9312 | 0.8456 | 3.20 | 9,000 | 900 B |");
        StringAssert.Contains(File.ReadAllLines(files.Csv)[1], ",0.85,0.849,Infinity,0.9312,0.8456,3.2,9000,900,");
        using var json = JsonDocument.Parse(File.ReadAllText(files.Json));
        Assert.AreEqual("Infinity", json.RootElement.GetProperty("results")[0].GetProperty("logLoss").GetString());
    }

    [TestMethod]
    public void ReportWriter_Write_RejectsEmptyAndMixedResults()
    {
        using var folder = new TemporaryDirectory();
        var (report, context) = MulticlassReport();

        var empty = Assert.ThrowsExactly<ArgumentException>(() => StudyReports.Write(report with { Results = [] }, context, folder.Path));
        var mixed = Assert.ThrowsExactly<ArgumentException>(() => StudyReports.Write(
            report with { Results = [.. report.Results, TrainerResult.Skipped("FastTree", ComparisonTask.Binary, "n/a")] }, context, folder.Path));

        StringAssert.Contains(empty.Message, "Expected at least one trainer result");
        StringAssert.Contains(mixed.Message, "Received: FastTree with Task=Binary");
    }

    [TestMethod]
    public void ConfusionMatrixResult_From_TakesMlNetCountsAndChecksTheNames()
    {
        var mlContext = new Microsoft.ML.MLContext(seed: 1);
        var pipeline = mlContext.Transforms.NormalizePixels("Features", "Pixels")
            .Append(mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options { MaximumNumberOfIterations = 10 }));
        var train = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Train), 500);
        var test = mlContext.Data.TakeRows(MnistSample.Load(DataSplit.Test), 300);
        var metrics = mlContext.MulticlassClassification.Evaluate(pipeline.Fit(train).Transform(test));
        var names = Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray();

        var matrix = ConfusionMatrixResult.From(metrics.ConfusionMatrix, names);
        var result = TrainerResult.FromMetrics("Lbfgs", metrics, names);

        Assert.AreEqual(metrics.MicroAccuracy, result.MicroAccuracy);
        Assert.AreEqual(metrics.MacroAccuracy, result.MacroAccuracy);
        Assert.AreEqual(metrics.LogLoss, result.LogLoss);
        CollectionAssert.AreEqual(matrix.Counts.SelectMany(row => row).ToArray(), result.ConfusionMatrix!.Counts.SelectMany(row => row).ToArray());
        Assert.AreEqual(300L, matrix.Counts.Sum(row => row.Sum()));
        Assert.AreEqual((long)metrics.ConfusionMatrix.Counts[3][5], matrix.Counts[3][5]);
        Assert.ThrowsExactly<ArgumentException>(() => ConfusionMatrixResult.From(metrics.ConfusionMatrix, names[..9]));
    }

    [TestMethod]
    public void TrainerResult_FromMetrics_BinaryTakesMlNetMetrics()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 400).Select(i => new BinaryRow { Label = i % 2 == 0, Features = [(i % 2 == 0 ? 1f : -1f) + (((i * 37) % 100) / 40f) - 1.2f] });
        var data = mlContext.Data.LoadFromEnumerable(rows);
        var calibrated = mlContext.BinaryClassification.Evaluate(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(data).Transform(data));
        var perceptron = mlContext.BinaryClassification.EvaluateNonCalibrated(mlContext.BinaryClassification.Trainers.AveragedPerceptron().Fit(data).Transform(data));

        var withLogLoss = TrainerResult.FromMetrics("Lbfgs", calibrated);
        var withoutLogLoss = TrainerResult.FromMetrics("AveragedPerceptron", perceptron);

        Assert.AreEqual(calibrated.Accuracy, withLogLoss.MicroAccuracy);
        Assert.AreEqual((calibrated.PositiveRecall + calibrated.NegativeRecall) / 2, withLogLoss.MacroAccuracy);
        // ML.NET reports binary log-loss in bits; the report keeps every log-loss in nats, the MLP's training loss unit.
        var probabilities = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(data).Transform(data).GetColumn<float>("Probability").ToArray();
        var labels = data.GetColumn<bool>("Label").ToArray();
        var nats = probabilities.Zip(labels, (p, label) => -Math.Log(label ? p : 1 - p)).Average();
        Assert.AreEqual(calibrated.LogLoss * Math.Log(2), withLogLoss.LogLoss!.Value, 1e-12);
        Assert.AreEqual(nats, withLogLoss.LogLoss.Value, 1e-4, $"mean -ln p over the rows {nats}, ML.NET's bits {calibrated.LogLoss}");
        Assert.AreEqual(calibrated.AreaUnderRocCurve, withLogLoss.Auc);
        Assert.AreEqual(calibrated.F1Score, withLogLoss.F1Score);
        Assert.IsNull(withoutLogLoss.LogLoss);
        Assert.AreEqual(ComparisonTask.Binary, withoutLogLoss.Task);
        Assert.IsGreaterThanOrEqualTo(0.6, withLogLoss.MicroAccuracy!.Value);
    }

    [TestMethod]
    public void ComponentVersions_Loaded_NamesMlNetThisLibraryAndLibTorch()
    {
        _ = MnistSample.Load(DataSplit.Test).Schema;

        var versions = ComponentVersions.Loaded();
        var machine = MachineDescription.Current();

        Assert.IsTrue(MlNetVersionGuard.Supported.Contains(versions["Microsoft.ML.DataView"]), versions["Microsoft.ML.DataView"]);
        Assert.AreEqual(typeof(MnistSample).Assembly.GetName().Version!.ToString(3), versions["MlNetMlp.Datasets"]);
        Assert.AreEqual(Environment.Version.ToString(), versions[".NET"]);
        StringAssert.StartsWith(versions["libtorch"], "2.");
        Assert.AreEqual(Environment.ProcessorCount, machine.LogicalCores);
        StringAssert.Contains(machine.Runtime, ".NET");
    }

    [TestMethod]
    [DataRow(0.90, 0.93, "Mlp A: 0.9000, 0.0300 below it. Mlp B: 0.9300, level with it. Neither MLP beats the best ML.NET trainer.")]
    [DataRow(0.95, 0.94, "Mlp A: 0.9500, 0.0200 above it. Mlp B: 0.9400, 0.0100 above it. Mlp A and Mlp B beat the best ML.NET trainer.")]
    [DataRow(0.933, 0.92, "Mlp A: 0.9330, 0.0030 above it. Mlp B: 0.9200, 0.0100 below it. Mlp A beats the best ML.NET trainer, by less than two standard errors.")]
    public void Verdict_ComparesEachMlpWithTheBestCompletedMlNetTrainer(double a, double b, string expected)
    {
        var report = MulticlassReport().Result with
        {
            Results =
            [
                new TrainerResult { Trainer = "Mlp A", Task = ComparisonTask.Multiclass, MicroAccuracy = a, IsMlp = true },
                new TrainerResult { Trainer = "Mlp B", Task = ComparisonTask.Multiclass, MicroAccuracy = b, IsMlp = true },
                new TrainerResult { Trainer = "LightGbm", Task = ComparisonTask.Multiclass, MicroAccuracy = 0.93 },
                new TrainerResult { Trainer = "Sdca", Task = ComparisonTask.Multiclass, MicroAccuracy = 0.91 },
                new TrainerResult { Trainer = "Broken", Task = ComparisonTask.Multiclass, MicroAccuracy = 0.99, Status = TrainerStatus.Failed },
            ],
        };

        var sentences = ComparisonVerdict.Sentences(report);

        Assert.AreEqual("Best ML.NET trainer: LightGbm, micro-accuracy 0.9300 on 2,000 test rows (the standard error of an accuracy near it on that many rows is 0.0057).", sentences[0]);
        Assert.AreEqual(expected, string.Join(" ", sentences.Skip(1)));
    }

    [TestMethod]
    public void Verdict_WithoutACompletedMlNetTrainer_SaysThereIsNone()
    {
        var report = MulticlassReport().Result with { Results = [MulticlassReport().Result.Results[0]] };

        CollectionAssert.AreEqual(new[] { "No verdict: it needs at least one MLP and one ML.NET trainer that completed." }, ComparisonVerdict.Sentences(report).ToArray());
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static (ComparisonResult Result, StudyContext Context) MulticlassReport()
    {
        var data = new DataDescription("MNIST", "Embedded MNIST sample", TrainRows: 8_000, TestRows: 2_000, ValidationRows: 800);
        var context = StudyReports.Context("MNIST: MLP against ML.NET trainers", data, new Dictionary<string, string> { ["Microsoft.ML"] = "6.0.0", ["MlNetMlp.Pipelines"] = "0.1.0" }) with
        {
            CreatedAt = new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero),
            CommandLine = "mlnetmlp compare mnist --seed 3",
            Seed = 3,
        };
        return (new ComparisonResult { Task = ComparisonTask.Multiclass, Data = data, Results = Results() }, context);
    }

    private static IReadOnlyList<TrainerResult> Results() =>
        [
            new TrainerResult
            {
                Trainer = "Mlp 512 relu",
                Task = ComparisonTask.Multiclass,
                MicroAccuracy = 0.9712345,
                MacroAccuracy = 0.97,
                LogLoss = 0.0951,
                TrainingSeconds = 41.25,
                PredictionRowsPerSecond = 15000.7,
                ModelBytes = 1_634_567,
                Settings = "Dense(512, Relu) then the output layer; RmsProp, 5 epochs",
                IsMlp = true,
                LearningCurve =
                [
                    new EpochMetrics(1, 0.45, 0.52, 0.87, 0.85),
                    new EpochMetrics(2, 0.21, 0.41, 0.94, 0.89),
                    new EpochMetrics(3, 0.12, 0.44, 0.97, 0.90),
                ],
                ConfusionMatrix = new ConfusionMatrixResult(["zero", "one", "two"], [[5, 0, 1], [0, 7, 0], [0, 1, 3]]),
            },
            new TrainerResult
            {
                Trainer = "SdcaMaximumEntropy",
                Task = ComparisonTask.Multiclass,
                MicroAccuracy = 0.9123,
                MacroAccuracy = 0.9101,
                LogLoss = 0.3,
                TrainingSeconds = 12.5,
                PredictionRowsPerSecond = 250_000,
                ModelBytes = 31_744,
                Settings = "ML.NET defaults: L2 chosen from the data",
            },
            TrainerResult.Skipped("TorchSharp TextClassification", ComparisonTask.Multiclass, "weights unavailable offline, no network"),
        ];

    private sealed class BinaryRow
    {
        public bool Label { get; set; }

        [Microsoft.ML.Data.VectorType(1)]
        public float[] Features { get; set; } = [];
    }
}
