using System.Globalization;
using MlNetMlp.Bench.Inference;
using MlNetMlp.Bench.Onnx;
using MlNetMlp.Bench.Training;
using MlNetMlp.Bench.Transforms;

namespace MlNetMlp.Bench.Harness;

/// <summary>Writes bench/RESULTS.md: the machine and the moment, then one section per benchmark with its goals.</summary>
internal static class ResultsReport
{
    /// <summary>More of the machine than this going to other processes makes a run's figures untrustworthy.</summary>
    private const double BusyMachineShare = 0.05;

    public static string Write(BenchResults results, BenchSections sections, BenchSizes sizes, DateTime started, DateTime finished)
    {
        var testSet = sizes.MnistTestRows is { } testRows ? $"the first {Figures.Count(testRows)} images of the real MNIST test set" : "the real MNIST test set";
        var document = new MarkdownDocument();
        document.Heading(1, "Benchmark results");
        document.Paragraph(
            $"Written by `{BenchRun.Command}{(sizes == BenchSizes.Quick ? " -- --quick" : "")}` from {started:yyyy-MM-dd HH:mm} to {finished:HH:mm} UTC " +
            $"({results.Sizes} sizes). Never edit this file by hand: run the command again. The README's Benchmarks section explains what is measured and why.");
        if (results.Failures.Count > 0)
        {
            document.Paragraph("**Some measurements failed:**");
            document.Bullets(results.Failures);
        }

        if (results.OtherProcessesCpuShare > BusyMachineShare)
        {
            document.Paragraph(
                $"**The machine was busy**: other processes used {results.OtherProcessesCpuShare:P0} of its CPU time while this ran, so " +
                "these figures are not the ones to quote. Run the command again on an idle machine.");
        }

        WriteMachine(document, results);
        document.Paragraph(
            "How to read the figures: each peer runs in a process of its own, one after another. Seconds per epoch are wall-clock " +
            "medians of epochs 2..N (the first epoch carries JIT compilation and first allocations), with the fastest and slowest of " +
            "those epochs as the spread. Peak RSS is the process's own peak resident memory (VmHWM) up to the end of training, in MiB, " +
            "runtime and libraries included. \"prepare s\" is the time to read the data into the form training uses, before the first epoch. " +
            "The final loss is the mean training loss of the last epoch.");

        document.Heading(2, "Training, MNIST-shaped");
        document.Paragraph(
            $"784-512-10, relu, softmax, RMSprop (learning rate 1e-3, rho 0.9), batch {BenchSizes.MnistBatchSize}, {sizes.MnistEpochs} epochs, " +
            $"tested on {testSet}. (a) fits `MnistPipeline` (NormalizePixels, then `mlContext.Mlp`) on the " +
            "project's streaming IDX reader and reads the rows once into the trainer's cache; (b) and (c) hold the images as one float " +
            "tensor and pick rows by index; (d) is scikit-learn's MLPClassifier with Adam, the same shape and batch size. The peers " +
            "run on the thread count (a) uses by default.");
        foreach (var result in new[] { sections.MnistReal, sections.MnistLarge })
        {
            document.Heading(3, result.Title);
            TrainingTable.Write(document, result.Runs(), "test accuracy", m => m.TestAccuracy);
        }

        document.Paragraph("Goals (ratios from this run):");
        document.Bullets(sections.MnistReal.Goals(withMemoryGoal: false).Concat(sections.MnistLarge.Goals(withMemoryGoal: true)).Select(goal => goal.ToString()));

        document.Heading(2, "Training, IMDb-shaped");
        document.Paragraph(
            $"10,000-wide multi-hot -> 16 relu -> 16 relu -> 1 sigmoid, binary cross-entropy, RMSprop, batch {BenchSizes.ImdbBatchSize}, " +
            $"{sizes.ImdbEpochs} epochs, on the real training reviews. (a) fits `ImdbPipeline` from the review text: WordIndex and " +
            "VectorizeSequences keep each review sparse, and the trainer densifies one batch at a time; its prepare time includes " +
            "reading the archive and tokenizing. (c) gets the same word indices and builds the dense rows x 10,000 float tensor, as " +
            "Keras's vectorize_sequences does.");
        TrainingTable.Write(document, sections.Imdb.Runs(), "training accuracy", m => m.TrainingAccuracy);
        document.Paragraph("Goals:");
        document.Bullets(sections.Imdb.Goals().Select(goal => goal.ToString()));

        document.Heading(2, "Inference");
        document.Paragraph(
            $"The 784-512-10 MLP trained above ({sizes.ScoringEpochs} epochs on the real training set) and ML.NET's own trainers on the " +
            $"same features (L-BFGS maximum entropy; one-versus-all FastTree, {sizes.FastTreeTrees} trees per class), scoring {testSet}: a `PredictionEngine` one row at a time ({Figures.Count(sizes.SingleRows)} rows " +
            "after a warm-up, median and 99th percentile), and a batch `Transform` whose score and predicted label are read for every row " +
            $"(median of {sizes.Passes} passes). The TorchSharp forward pass and PyTorch run the MLP's own weights on rows already in one " +
            "tensor, in blocks of 1,024 rows; equal accuracy shows they compute the same model.");
        InferenceBenchmark.Write(document, sections.Inference);

        document.Heading(2, "Threads");
        document.Paragraph(
            $"torch's thread count (`MlpOptions.NumberOfThreads`, `torch.set_num_threads`) on this {results.Machine.Cores}-core machine, " +
            "for MNIST-shaped training on the real training set and for scoring, each on the idle machine and again with one core kept " +
            $"busy by a spinning thread of the harness, as on a machine shared with other work. libtorch's own default here is " +
            $"{results.Machine.TorchDefaultThreads} thread(s); MlNetMlp's default is in `MlpOptions.NumberOfThreads`. The managed " +
            "MlpTransformer does not use torch; it is listed for reference.");
        sections.Threads.Write(document);

        document.Heading(2, "Transforms");
        document.Paragraph(
            "WordIndex + VectorizeSequences over the IMDb training reviews, each multi-hot pass measured in CPU seconds, managed " +
            "allocation and peak resident memory, beside ML.NET's own bag of words over the same sequences and the dense matrix " +
            "Keras's vectorize_sequences builds, in one process (the peak is reset between them).");
        TransformsBenchmark.Write(document, sections.Transforms);

        document.Heading(2, "ONNX export");
        document.Paragraph(
            "bench/MlNetMlp.Bench.Onnx in a process of its own: the MNIST recipe (3 epochs) and the IMDb recipe exported with " +
            "`mlContext.Model.ConvertToOnnx` and scored in ONNX Runtime beside the ML.NET transformers they came from " +
            $"({(sizes.OnnxRows is { } rows ? $"at most {Figures.Count(rows)} rows of each data set" : "the real training and test sets")}), " +
            "with the agreement of the two and the size of each file. Its own lines and tables, as it prints them:");
        OnnxExportBenchmark.Write(document, sections.OnnxExport);
        return document.ToString();
    }

    private static void WriteMachine(MarkdownDocument document, BenchResults results)
    {
        var machine = results.Machine;
        document.Heading(2, "Machine");
        document.Table(
            ["", ""],
            [
                ["processor", $"{machine.Processor}, {machine.Cores} cores"],
                ["memory", machine.Memory],
                ["operating system", machine.OperatingSystem],
                ["runtime", machine.Runtime],
                ["ML.NET / TorchSharp / libtorch", $"{machine.MlNet} / {machine.TorchSharp} / {machine.LibTorch} (torch threads by default: {machine.TorchDefaultThreads.ToString(CultureInfo.InvariantCulture)})"],
                ["Python peers", machine.Python],
                ["commit, build", $"{machine.Commit}, {machine.Configuration}"],
                ["load average (1/5/15 min) at start and end", $"{results.LoadAverageAtStart}; {results.LoadAverageAtEnd}"],
                ["CPU used by other processes during the run", results.OtherProcessesCpuShare.ToString("P1", CultureInfo.InvariantCulture)],
            ],
            firstRightAligned: 2);
    }
}
