namespace MlNetMlp.Experiments;

/// <summary>
/// One of the book's conclusions, checked on the book's own curves and on ours, with and without the penalty in the
/// validation loss. A check is null when the models it needs were not trained.
/// </summary>
/// <param name="Claim">The conclusion, e.g. "The bigger network overfits first".</param>
/// <param name="Book">On the book's numbers (Keras's val_loss, penalty included).</param>
/// <param name="OursWithPenalty">On our validation loss with the penalty, as Keras reports it.</param>
/// <param name="OursWithoutPenalty">On our validation loss of the data alone: the fair comparison.</param>
public sealed record RegularizationConclusion(string Claim, ConclusionCheck? Book, ConclusionCheck? OursWithPenalty, ConclusionCheck? OursWithoutPenalty);
