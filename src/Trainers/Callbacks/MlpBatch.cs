namespace MlNetMlp.Callbacks;

/// <summary>One trained batch, as <see cref="MlpCallback.OnBatchEnd"/> sees it.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Batch">The batch within the epoch, from 1.</param>
/// <param name="Rows">The rows in the batch.</param>
/// <param name="Loss">The batch's training loss (penalty included); not finite when training diverged.</param>
public sealed record MlpBatch(int Epoch, int Batch, int Rows, double Loss);
