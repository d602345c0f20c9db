namespace MlNetMlp.Datasets;

/// <summary>A data file present in the cache.</summary>
/// <param name="Path">Its full path.</param>
/// <param name="ContentSha256">The SHA-256 of its content (decompressed when gzipped), lowercase hex.</param>
/// <param name="Verified">True when that hash equals a known or supplied one; false when the caller accepted an unverified file.</param>
public sealed record DownloadedFile(string Path, string ContentSha256, bool Verified);
