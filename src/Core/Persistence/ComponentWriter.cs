using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Core.Persistence;

/// <summary>
/// Writes one component's body into ML.NET's model <c>.zip</c>: a versioned header (through
/// ML.NET's <see cref="ModelSaveContext"/>), then the parameters in the main stream, and large
/// payloads such as weights as separate binary streams. The main-stream body and every stream are each
/// guarded by their length and SHA-256, so that any changed byte is reported as damage instead of
/// loading as a different model. <see cref="ComponentReader"/> reads the same layout back.
/// </summary>
internal sealed class ComponentWriter : IDisposable
{
    private readonly ModelSaveContext _context;
    private readonly MemoryStream _body = new();
    private readonly BinaryWriter _writer;

    private ComponentWriter(ModelSaveContext context)
    {
        _context = context;
        _writer = new BinaryWriter(_body, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Stamps <paramref name="format"/> on the header, lets <paramref name="writeBody"/> write the body, and seals it.</summary>
    public static void Save(ModelSaveContext context, ComponentFormat format, Action<ComponentWriter> writeBody)
    {
        ArgumentNullException.ThrowIfNull(context);
        MlNetVersionGuard.EnsureSupported();
        SaveChecked(context, format, writeBody);
    }

    /// <summary>The save itself, in a method of its own so that the version guard speaks before ML.NET's internals are reached.</summary>
    private static void SaveChecked(ModelSaveContext context, ComponentFormat format, Action<ComponentWriter> writeBody)
    {
        context.CheckAtModel();
        context.SetVersionInfo(format.ToVersionInfo());
        using var writer = new ComponentWriter(context);
        writeBody(writer);
        writer._writer.Flush();
        WriteChecksummed(context.Writer, writer._body);
    }

    /// <summary>Writes a 32-bit integer.</summary>
    public void Write(int value) => _writer.Write(value);

    /// <summary>Writes a 64-bit integer.</summary>
    public void Write(long value) => _writer.Write(value);

    /// <summary>Writes a single-precision float.</summary>
    public void Write(float value) => _writer.Write(value);

    /// <summary>Writes a double-precision float.</summary>
    public void Write(double value) => _writer.Write(value);

    /// <summary>Writes a boolean.</summary>
    public void Write(bool value) => _writer.Write(value);

    /// <summary>Writes a string (UTF-8, length-prefixed).</summary>
    public void Write(string value) => _writer.Write(value);

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
    public void Write(DataViewType type) => DataViewTypeCodec.Write(_writer, type);

    /// <summary>Writes a named binary stream beside the main stream, for payloads such as weights.</summary>
    public void WriteStream(string name, Action<BinaryWriter> writePayload)
    {
        using var payload = new MemoryStream();
        using (var payloadWriter = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writePayload(payloadWriter);
        }

        _context.SaveBinaryStream(name, writer => WriteChecksummed(writer, payload));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _body.Dispose();
    }

    /// <summary>The layout <see cref="ComponentReader"/> checks: the length, the bytes, then their SHA-256.</summary>
    private static void WriteChecksummed(BinaryWriter writer, MemoryStream content)
    {
        var bytes = content.GetBuffer().AsSpan(0, checked((int)content.Length));
        writer.Write(bytes.Length);
        writer.Write(bytes);
        writer.Write(SHA256.HashData(bytes));
    }
}
