using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Persistence;

/// <summary>
/// Writes one component's body into ML.NET's model <c>.zip</c>: a versioned header (through
/// ML.NET's <see cref="ModelSaveContext"/>), then parameters in the main stream, then large
/// payloads such as weights as separate binary streams guarded by a length and a SHA-256.
/// <see cref="ComponentReader"/> reads the same layout back.
/// </summary>
internal sealed class ComponentWriter
{
    private readonly ModelSaveContext _context;

    private ComponentWriter(ModelSaveContext context) => _context = context;

    /// <summary>Stamps <paramref name="format"/> on the header and lets <paramref name="writeBody"/> write the body.</summary>
    public static void Save(ModelSaveContext context, ComponentFormat format, Action<ComponentWriter> writeBody)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CheckAtModel();
        context.SetVersionInfo(format.ToVersionInfo());
        writeBody(new ComponentWriter(context));
    }

    /// <summary>Writes a 32-bit integer.</summary>
    public void Write(int value) => _context.Writer.Write(value);

    /// <summary>Writes a 64-bit integer.</summary>
    public void Write(long value) => _context.Writer.Write(value);

    /// <summary>Writes a single-precision float.</summary>
    public void Write(float value) => _context.Writer.Write(value);

    /// <summary>Writes a double-precision float.</summary>
    public void Write(double value) => _context.Writer.Write(value);

    /// <summary>Writes a boolean.</summary>
    public void Write(bool value) => _context.Writer.Write(value);

    /// <summary>Writes a string (UTF-8, length-prefixed).</summary>
    public void Write(string value) => _context.Writer.Write(value);

    /// <summary>Writes a list of strings with its length.</summary>
    public void Write(IReadOnlyList<string> values)
    {
        Write(values.Count);
        foreach (var value in values)
        {
            Write(value);
        }
    }

    /// <summary>Writes a column type: the primitive kind, key count and vector dimensions.</summary>
    public void Write(DataViewType type) => DataViewTypeCodec.Write(_context.Writer, type);

    /// <summary>
    /// Writes a named binary stream beside the main stream, for payloads such as weights.
    /// The stream holds the payload's length, the payload and its SHA-256, so a damaged file is
    /// reported as such instead of loading wrong numbers.
    /// </summary>
    public void WriteStream(string name, Action<BinaryWriter> writePayload)
    {
        using var buffer = new MemoryStream();
        using (var payloadWriter = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writePayload(payloadWriter);
        }

        var length = (int)buffer.Length;
        var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, length));
        _context.SaveBinaryStream(name, writer =>
        {
            writer.Write(length);
            writer.Write(buffer.GetBuffer(), 0, length);
            writer.Write(hash);
        });
    }
}
