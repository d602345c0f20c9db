namespace MlNetMlp.Experiments;

/// <summary>Whether a claim holds on one set of curves, and the numbers that decide it.</summary>
/// <param name="Holds">True when the numbers show the claim.</param>
/// <param name="Evidence">The numbers, e.g. "best epochs: 512-512-1 2, 16-16-1 3, ...".</param>
public sealed record ConclusionCheck(bool Holds, string Evidence);
