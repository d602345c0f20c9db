using System.IO.Compression;
using System.Security.Cryptography;

namespace MlNetMlp.Datasets;

/// <summary>
/// Gets data files into the cache the way <c>keras.datasets</c> does: a file already cached with the right
/// SHA-256 is used as is; otherwise it is downloaded from the first URL that answers into a temporary file,
/// its hash is checked, and only then is it moved into place. With no network the exception says which
/// cache folder was searched, which URLs were tried and how to put the file there by hand.
/// </summary>
public sealed class DataDownloader
{
    // One client for the process, as HttpClient is meant to be used. Its 100 s timeout bounds the wait for the
    // response headers only: the body is streamed afterwards, so a large archive on a slow link is not cut off.
    private static readonly HttpClient SharedHttp = new();
    private readonly HttpClient _http;

    /// <summary>Creates a downloader.</summary>
    /// <param name="http">The client to download with; a shared default one when null.</param>
    /// <param name="cacheFolder">The cache folder; <see cref="DataCache.Folder"/> when null.</param>
    public DataDownloader(HttpClient? http = null, string? cacheFolder = null)
    {
        _http = http ?? SharedHttp;
        CacheFolder = Path.GetFullPath(cacheFolder ?? DataCache.Folder);
    }

    /// <summary>The folder files are cached in.</summary>
    public string CacheFolder { get; }

    /// <summary>Returns the cached file, downloading and verifying it first when needed.</summary>
    /// <param name="file">The file to get.</param>
    /// <param name="expectedContentSha256">A hash to check instead of <see cref="DataFileSpec.ContentSha256"/> (lowercase or uppercase hex).</param>
    /// <param name="allowUnverified">
    /// Accept a file for which no hash is known or supplied; its computed hash is returned so it can be pinned.
    /// </param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The cached file and its content hash.</returns>
    /// <exception cref="InvalidOperationException">No hash is known and <paramref name="allowUnverified"/> is false.</exception>
    /// <exception cref="InvalidDataException">The downloaded file's hash differs from the expected one (the file is deleted).</exception>
    /// <exception cref="DataUnavailableException">No URL could be downloaded.</exception>
    public async Task<DownloadedFile> GetAsync(
        DataFileSpec file, string? expectedContentSha256 = null, bool allowUnverified = false, CancellationToken cancellationToken = default)
    {
        var expected = (expectedContentSha256 ?? file.ContentSha256)?.ToLowerInvariant();
        if (expected is null && !allowUnverified)
        {
            throw new InvalidOperationException(
                $"No verified SHA-256 is known for '{file.FileName}'. Expected the SHA-256 of its content (decompressed if gzipped) " +
                "as expectedContentSha256, or allowUnverified: true to accept the file unchecked.");
        }

        var path = Path.Combine(CacheFolder, file.FileName);
        if (File.Exists(path))
        {
            var cachedHash = await ContentSha256Async(path, cancellationToken).ConfigureAwait(false);
            if (expected is null || cachedHash == expected)
            {
                return new DownloadedFile(path, cachedHash, expected is not null);
            }

            // A stale or damaged cached copy is replaced, as keras.datasets does.
            File.Delete(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var failures = new List<string>();
        Exception? lastFailure = null;
        foreach (var url in file.Urls)
        {
            var partial = path + ".part";
            try
            {
                await DownloadAsync(url, partial, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                File.Delete(partial);
                failures.Add($"{url} ({e.Message})");
                lastFailure = e;
                continue;
            }

            var hash = await ContentSha256Async(partial, cancellationToken).ConfigureAwait(false);
            if (expected is not null && hash != expected)
            {
                File.Delete(partial);
                throw new InvalidDataException(
                    $"Downloaded '{file.FileName}' from {url}: expected content SHA-256 {expected}, found {hash}. The file was deleted; " +
                    "the mirror may serve different data, or the download was damaged.");
            }

            File.Move(partial, path, overwrite: true);
            return new DownloadedFile(path, hash, expected is not null);
        }

        throw new DataUnavailableException(
            $"'{file.FileName}' is not in the cache folder '{CacheFolder}' and could not be downloaded: tried {string.Join("; ", failures)}. " +
            $"Without a network, download it elsewhere from {string.Join(" or ", file.Urls)} and copy it to '{path}' " +
            $"(or set {DataCache.EnvironmentVariable} to a folder that holds it).",
            lastFailure);
    }

    /// <summary>The SHA-256 of a file's content, decompressing it first when it is gzipped.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the hashing.</param>
    /// <returns>The hash as lowercase hex.</returns>
    public static async Task<string> ContentSha256Async(string path, CancellationToken cancellationToken = default)
    {
        bool isGzip;
        using (var probe = File.OpenRead(path))
        {
            isGzip = probe.ReadByte() == 0x1f && probe.ReadByte() == 0x8b;
        }

        await using var file = File.OpenRead(path);
        await using Stream content = isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        var hash = await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash);
    }

    private async Task DownloadAsync(Uri url, string destination, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var output = File.Create(destination);
        await body.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }
}
