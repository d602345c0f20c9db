namespace MlNetMlp.Datasets.Imdb;

/// <summary>One labelled review as a reader yields it.</summary>
/// <param name="Text">The review text as stored (IMDb reviews keep their <c>&lt;br /&gt;</c> tags).</param>
/// <param name="Positive">True for a positive review.</param>
internal readonly record struct Review(string Text, bool Positive);
