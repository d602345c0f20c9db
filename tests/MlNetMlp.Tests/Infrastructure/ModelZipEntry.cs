using System.IO.Compression;
using System.Text;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>Edits the main stream of one component inside a saved model .zip, to test how damaged files are reported.</summary>
internal static class ModelZipEntry
{
    /// <summary>The ML.NET entry header is 256 bytes; a component's own body starts here.</summary>
    public const int BodyOffset = 0x100;

    /// <summary>Rewrites the <c>Model.key</c> entry whose header names <paramref name="loaderSignature"/>.</summary>
    public static void Rewrite(string modelPath, string loaderSignature, Action<byte[]> edit)
    {
        using var zip = ZipFile.Open(modelPath, ZipArchiveMode.Update);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith("Model.key", StringComparison.Ordinal)).ToList())
        {
            var body = Read(entry);
            if (!Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, BodyOffset)).Contains(loaderSignature[..8], StringComparison.Ordinal))
            {
                continue;
            }

            edit(body);
            var name = entry.FullName;
            entry.Delete();
            using var rewritten = zip.CreateEntry(name).Open();
            rewritten.Write(body);
            return;
        }

        Assert.Fail($"No entry of {loaderSignature} in {modelPath}.");
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
