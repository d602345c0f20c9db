namespace MlNetMlp.Bench.Harness;

/// <summary>One training run of one peer, as its process reports it (the Python peers print the same fields).</summary>
/// <param name="Peer">Who trained: MlNetMlp, TorchSharp, PyTorch, scikit-learn.</param>
/// <param name="Version">The peer's version.</param>
/// <param name="Threads">Threads its numeric library used.</param>
/// <param name="Rows">Training rows.</param>
/// <param name="EpochSeconds">Wall-clock seconds of each epoch.</param>
/// <param name="PeakRssMb">Peak resident memory of the process up to the end of training, MiB.</param>
/// <param name="PrepareSeconds">Seconds to read the data into the form training uses, before the first epoch.</param>
/// <param name="FinalLoss">The training loss the peer reports after the last epoch (last batch or epoch mean).</param>
/// <param name="TestAccuracy">Accuracy on the test set afterwards, where measured.</param>
/// <param name="TrainingAccuracy">Accuracy over the last epoch's batches, where measured.</param>
internal sealed record TrainingMeasurement(
    string Peer,
    string Version,
    int Threads,
    int Rows,
    double[] EpochSeconds,
    double PeakRssMb,
    double PrepareSeconds,
    double FinalLoss,
    double? TestAccuracy = null,
    double? TrainingAccuracy = null);

/// <summary>How fast one scorer predicts, one row at a time and in batches.</summary>
/// <param name="Scorer">What scored.</param>
/// <param name="Threads">torch threads in the process (no effect on ML.NET's own trainers).</param>
/// <param name="SingleRowMedianMicroseconds">Median latency of one prediction of one row.</param>
/// <param name="SingleRowP99Microseconds">99th percentile of that latency.</param>
/// <param name="BatchRowsPerSecond">Rows per second scoring the whole test set in batches.</param>
/// <param name="Accuracy">Test accuracy of the predictions (the same model gives the same accuracy on every path).</param>
internal sealed record ScoringMeasurement(
    string Scorer,
    int Threads,
    double SingleRowMedianMicroseconds,
    double SingleRowP99Microseconds,
    double BatchRowsPerSecond,
    double Accuracy);

/// <summary>The scorers one scoring process measured.</summary>
internal sealed record ScoringMeasurements(ScoringMeasurement[] Scorers);

/// <summary>One way of turning word-index sequences into multi-hot rows, measured over several passes.</summary>
/// <param name="Name">The implementation.</param>
/// <param name="Passes">Passes measured.</param>
/// <param name="CpuSecondsPerPass">Median CPU seconds of a pass (all threads).</param>
/// <param name="AllocatedMbPerPass">Managed memory allocated per pass, MiB.</param>
/// <param name="PeakRssMb">Peak resident memory during the passes, MiB.</param>
/// <param name="NonZeros">Non-zeros produced (must agree between implementations).</param>
internal sealed record TransformMeasurement(string Name, int Passes, double CpuSecondsPerPass, double AllocatedMbPerPass, double PeakRssMb, long NonZeros);

/// <summary>The multi-hot implementations one process measured, over the same sequences.</summary>
/// <param name="Rows">Reviews vectorized.</param>
/// <param name="Dimension">Multi-hot width.</param>
/// <param name="Implementations">The measurements.</param>
internal sealed record TransformMeasurements(int Rows, int Dimension, TransformMeasurement[] Implementations);
