namespace MlNetMlp.Datasets;

/// <summary>A data file that can be downloaded: its name in the cache, where to get it, and how to check it.</summary>
/// <param name="FileName">The file's name in the cache folder, e.g. <c>t10k-images-idx3-ubyte.gz</c>.</param>
/// <param name="Urls">Where to download it from, tried in order.</param>
/// <param name="ContentSha256">
/// The SHA-256 (lowercase hex) of the file's content: of the decompressed bytes when the file is gzipped,
/// else of the file itself. The content rather than the download is hashed because mirrors recompress
/// the same data differently. Null when no hash has been verified; such a file is only used when the
/// caller supplies a hash or explicitly accepts an unverified file.
/// </param>
public sealed record DataFileSpec(string FileName, IReadOnlyList<Uri> Urls, string? ContentSha256);
