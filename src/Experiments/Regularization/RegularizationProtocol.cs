namespace MlNetMlp.Experiments;

/// <summary>How every network of the study was trained, as the report states it so that the run can be repeated.</summary>
/// <param name="Epochs">Epochs per network (the early-stopping network may stop sooner).</param>
/// <param name="Validation">What the curves were measured on.</param>
/// <param name="ValidationRows">Training reviews held out for validation; null when validating on the test reviews.</param>
/// <param name="Seed">The seed of every network's weights, shuffling and dropout masks, and of the hold-out.</param>
/// <param name="BatchSize">Examples per mini-batch.</param>
/// <param name="Optimizer">The optimizer and its learning rate.</param>
/// <param name="Features">How the reviews become features.</param>
public sealed record RegularizationProtocol(int Epochs, RegularizationValidation Validation, int? ValidationRows, int Seed, int BatchSize, string Optimizer, string Features);
