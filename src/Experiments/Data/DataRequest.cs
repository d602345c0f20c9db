namespace MlNetMlp.Experiments;

/// <summary>Which data to read: where from, how much of it, and the seed of a subset.</summary>
/// <param name="Path">The data's location (a folder, an archive, a file); null for the data set's built-in source.</param>
/// <param name="Rows">At most this many rows of each part, a seeded subset; null for all.</param>
/// <param name="Seed">The seed of the subset.</param>
public sealed record DataRequest(string? Path = null, int? Rows = null, int Seed = 1);
