namespace MlNetMlp.Trainers.Torch.Optimizers;

/// <summary>
/// All an optimizer carries from one step to the next, as plain values a backup can write: the steps taken, the
/// learning rate, each parameter's slots (Adam's moments, momentum buffers...) in parameter order, and the scalars
/// some optimizers keep (Nadam's momentum product).
/// </summary>
internal sealed record OptimizerState(long Iterations, double LearningRate, IReadOnlyList<IReadOnlyList<float[]>> Slots, IReadOnlyList<double> Scalars);
