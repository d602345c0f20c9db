using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Persistence;

/// <summary>
/// Reads back what <see cref="ComponentWriter"/> wrote. The version is checked before the body is
/// read, and every way a body can be damaged (cut short, bytes changed, values out of range)
/// surfaces as a <see cref="ModelFormatException"/> that names the component and the problem.
/// </summary>
internal sealed class ComponentReader
{
    private readonly ModelLoadContext _context;
    private readonly ComponentFormat _format;

    private ComponentReader(ModelLoadContext context, ComponentFormat format)
    {
        _context = context;
        _format = format;
    }

    /// <summary>Checks the header against <paramref name="format"/>, then lets <paramref name="readBody"/> read the body.</summary>
    public static T Load<T>(ModelLoadContext context, ComponentFormat format, Func<ComponentReader, T> readBody)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckVersion(context.Header, format);
        context.CheckAtModel(format.ToVersionInfo());
        try
        {
            return readBody(new ComponentReader(context, format));
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFormatException($"The saved {format.DisplayName} is truncated: its data ends before all of its fields were read.", e);
        }
    }

    /// <summary>The format version the component was saved in, between the format's oldest readable version and its current one.</summary>
    public uint Version => _context.Header.ModelVerWritten;

    /// <summary>Reads a 32-bit integer.</summary>
    public int ReadInt32() => _context.Reader.ReadInt32();

    /// <summary>Reads a 64-bit integer.</summary>
    public long ReadInt64() => _context.Reader.ReadInt64();

    /// <summary>Reads a single-precision float.</summary>
    public float ReadSingle() => _context.Reader.ReadSingle();

    /// <summary>Reads a double-precision float.</summary>
    public double ReadDouble() => _context.Reader.ReadDouble();

    /// <summary>Reads a boolean.</summary>
    public bool ReadBoolean() => _context.Reader.ReadBoolean();

    /// <summary>Reads a string.</summary>
    public string ReadString() => _context.Reader.ReadString();

    /// <summary>Reads a string list written with its length.</summary>
    public string[] ReadStrings() => ReadArray(r => r.ReadString(), "strings");

    /// <summary>Reads a column type written by <see cref="ComponentWriter.Write(DataViewType)"/>.</summary>
    public DataViewType ReadType() => DataViewTypeCodec.Read(_context.Reader, Corrupt);

    /// <summary>Reads a named binary stream, checking its length and SHA-256 before handing the payload on.</summary>
    public T ReadStream<T>(string name, Func<BinaryReader, T> readPayload)
    {
        byte[]? payload = null;
        var found = _context.TryLoadBinaryStream(name, reader =>
        {
            var length = reader.ReadInt32();
            Check(length >= 0, $"stream '{name}' has a negative length");
            payload = reader.ReadBytes(length);
            var hash = reader.ReadBytes(32);
            if (payload.Length != length || hash.Length != 32)
            {
                throw new ModelFormatException($"The saved {_format.DisplayName} is truncated: stream '{name}' holds {payload.Length} of its {length} bytes.");
            }

            Check(SHA256.HashData(payload).AsSpan().SequenceEqual(hash), $"stream '{name}' does not match its SHA-256");
        });
        if (!found || payload is null)
        {
            throw new ModelFormatException($"The saved {_format.DisplayName} is incomplete: stream '{name}' is missing from the model file.");
        }

        using var payloadReader = new BinaryReader(new MemoryStream(payload, writable: false));
        return readPayload(payloadReader);
    }

    /// <summary>Throws a <see cref="ModelFormatException"/> naming the component when <paramref name="condition"/> is false.</summary>
    public void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw Corrupt(problem);
        }
    }

    private ModelFormatException Corrupt(string problem) => new($"The saved {_format.DisplayName} is corrupt: {problem}.");

    private T[] ReadArray<T>(Func<BinaryReader, T> read, string what)
    {
        var length = ReadInt32();
        Check(length >= 0 && length <= _context.Reader.BaseStream.Length, $"a list of {what} claims {length} items");
        var values = new T[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = read(_context.Reader);
        }

        return values;
    }

    private static void CheckVersion(ModelHeader header, ComponentFormat format)
    {
        var modelSignature = format.ToVersionInfo().ModelSignature;
        if (header.ModelSignature != modelSignature)
        {
            throw new ModelFormatException($"The model entry is not a {format.DisplayName}: its signature does not match.");
        }

        if (header.ModelVerReadable > format.Version)
        {
            throw new ModelFormatException(
                $"The {format.DisplayName} in this model was saved in format version {header.ModelVerWritten}, " +
                $"which needs a reader of version {header.ModelVerReadable} or later; this MlNetMlp reads versions " +
                $"{format.OldestReadableVersion} to {format.Version}. Upgrade MlNetMlp to load it.");
        }

        if (header.ModelVerWritten < format.OldestReadableVersion)
        {
            throw new ModelFormatException(
                $"The {format.DisplayName} in this model was saved in format version {header.ModelVerWritten}, " +
                $"older than the oldest this MlNetMlp reads ({format.OldestReadableVersion}). Retrain and save it again.");
        }
    }
}
