using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetMlp.Core.Persistence;

/// <summary>
/// Reads back what <see cref="ComponentWriter"/> wrote. The version is checked before the body is read, the body's
/// length and SHA-256 before a field of it is parsed, and every way a body can be damaged (cut short, bytes changed,
/// values out of range) surfaces as a <see cref="ModelFormatException"/> that names the component, the zip entry and
/// the problem. Bodies written before they were checksummed (<see cref="ComponentFormat.BareLayout"/>) still load.
/// </summary>
internal sealed class ComponentReader
{
    private readonly ModelLoadContext _context;
    private readonly ComponentFormat _format;
    private readonly BinaryReader _body;
    private readonly string _entry;

    private ComponentReader(ModelLoadContext context, ComponentFormat format, BinaryReader body, string entry)
    {
        _context = context;
        _format = format;
        _body = body;
        _entry = entry;
    }

    /// <summary>Checks the header against <paramref name="format"/> and the body's checksum, then lets <paramref name="readBody"/> read the body.</summary>
    public static T Load<T>(ModelLoadContext context, ComponentFormat format, Func<ComponentReader, T> readBody)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Before any of ML.NET's internals is touched (this method touches none: a changed internal would fail the JIT
        // of the method that uses it, before a guard inside that method could speak).
        MlNetVersionGuard.EnsureSupported();
        return LoadChecked(context, format, readBody);
    }

    private static T LoadChecked<T>(ModelLoadContext context, ComponentFormat format, Func<ComponentReader, T> readBody)
    {
        var entry = EntryName(context, ModelLoadContext.ModelStreamName);
        var layout = CheckVersion(context.Header, format, entry);
        context.CheckAtModel(format.ToVersionInfo());
        try
        {
            if (layout == ComponentFormat.BareLayout)
            {
                return readBody(new ComponentReader(context, format, context.Reader, entry));
            }

            var bytes = ReadChecksummed(context.Reader, context.Header.CbModel, format, entry, "its parameter block");
            using var body = new BinaryReader(new MemoryStream(bytes, writable: false));
            var reader = new ComponentReader(context, format, body, entry);
            var result = readBody(reader);
            reader.Check(body.BaseStream.Position == bytes.Length, $"{bytes.Length - body.BaseStream.Position} bytes of its parameter block were left unread");
            return result;
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFormatException($"The saved {format.DisplayName} is truncated: its data ends before all of its fields were read.", entry, e);
        }
        catch (ModelFormatException e) when (e.EntryName is null)
        {
            // A component's own check that did not come through Check(): it is about this entry all the same.
            throw new ModelFormatException(e.Message, entry, e);
        }
    }

    /// <summary>The format version the component was saved in, between the format's oldest readable version and its current one.</summary>
    public uint Version => ComponentFormat.BodyVersion(_context.Header.ModelVerWritten);

    /// <summary>Reads a 32-bit integer.</summary>
    public int ReadInt32() => _body.ReadInt32();

    /// <summary>Reads a 64-bit integer.</summary>
    public long ReadInt64() => _body.ReadInt64();

    /// <summary>Reads a single-precision float.</summary>
    public float ReadSingle() => _body.ReadSingle();

    /// <summary>Reads a double-precision float.</summary>
    public double ReadDouble() => _body.ReadDouble();

    /// <summary>Reads a boolean.</summary>
    public bool ReadBoolean() => _body.ReadBoolean();

    /// <summary>Reads a string.</summary>
    public string ReadString() => _body.ReadString();

    /// <summary>Reads a string list written with its length.</summary>
    public string[] ReadStrings() => ReadArray(r => r.ReadString(), "strings");

    /// <summary>Reads a column type written by <see cref="ComponentWriter.Write(DataViewType)"/>.</summary>
    public DataViewType ReadType() => DataViewTypeCodec.Read(_body, Corrupt);

    /// <summary>Reads a named binary stream, checking its length and SHA-256 before handing the payload on.</summary>
    public T ReadStream<T>(string name, Func<BinaryReader, T> readPayload)
    {
        var entry = EntryName(_context, name);
        byte[]? payload = null;
        var found = _context.TryLoadBinaryStream(name, reader => payload = ReadChecksummed(reader, reader.BaseStream.Length, _format, entry, $"stream '{name}'"));
        if (!found || payload is null)
        {
            throw new ModelFormatException($"The saved {_format.DisplayName} is incomplete: stream '{name}' is missing from the model file.", entry);
        }

        using var payloadReader = new BinaryReader(new MemoryStream(payload, writable: false));
        try
        {
            return readPayload(payloadReader);
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFormatException($"The saved {_format.DisplayName} is truncated: stream '{name}' ends before all of its values were read.", entry, e);
        }
        catch (ModelFormatException e) when (e.EntryName is null || e.EntryName == _entry)
        {
            throw new ModelFormatException(e.Message, entry, e);
        }
    }

    /// <summary>Throws a <see cref="ModelFormatException"/> naming the component when <paramref name="condition"/> is false.</summary>
    public void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw Corrupt(problem);
        }
    }

    /// <summary>
    /// The exception for a component that is intact but needs what this release lacks (a layer kind or option a newer
    /// MlNetMlp wrote): <paramref name="message"/> says what, and which release reads it.
    /// </summary>
    public ModelFormatException Unreadable(string message) => new($"The saved {_format.DisplayName} cannot be read by this MlNetMlp: {message}.", _entry);

    private ModelFormatException Corrupt(string problem) => new($"The saved {_format.DisplayName} is corrupt: {problem}.", _entry);

    private T[] ReadArray<T>(Func<BinaryReader, T> read, string what)
    {
        var length = ReadInt32();
        Check(length >= 0 && length <= _body.BaseStream.Length, $"a list of {what} claims {length} items");
        var values = new T[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = read(_body);
        }

        return values;
    }

    /// <summary>Reads what <c>ComponentWriter.WriteChecksummed</c> wrote: the length, at most <paramref name="room"/> bytes in all, then the SHA-256.</summary>
    private static byte[] ReadChecksummed(BinaryReader reader, long room, ComponentFormat format, string entry, string what)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > room - sizeof(int) - SHA256.HashSizeInBytes)
        {
            throw new ModelFormatException($"The saved {format.DisplayName} is corrupt: {what} claims {length} bytes, more than the {room - sizeof(int) - SHA256.HashSizeInBytes} it has room for.", entry);
        }

        var bytes = reader.ReadBytes(length);
        var hash = reader.ReadBytes(SHA256.HashSizeInBytes);
        if (bytes.Length != length || hash.Length != SHA256.HashSizeInBytes)
        {
            throw new ModelFormatException($"The saved {format.DisplayName} is truncated: {what} holds {bytes.Length} of its {length} bytes.", entry);
        }

        if (!SHA256.HashData(bytes).AsSpan().SequenceEqual(hash))
        {
            throw new ModelFormatException($"The saved {format.DisplayName} is corrupt: {what} does not match its SHA-256.", entry);
        }

        return bytes;
    }

    /// <summary>The zip entry ML.NET reads <paramref name="name"/> of this component from, as the archive names it.</summary>
    private static string EntryName(ModelLoadContext context, string name) =>
        string.IsNullOrEmpty(context.Directory) ? name : $"{context.Directory.Replace('\\', '/')}/{name}";

    /// <summary>Checks the stamped version and returns the layout of the body that follows.</summary>
    private static uint CheckVersion(ModelHeader header, ComponentFormat format, string entry)
    {
        if (header.ModelSignature != format.ToVersionInfo().ModelSignature)
        {
            throw new ModelFormatException($"The model entry is not a {format.DisplayName}: its signature does not match.", entry);
        }

        // A newer layout, or a newer body in any layout, is for a newer MlNetMlp to read.
        if (ComponentFormat.Layout(header.ModelVerReadable) > ComponentFormat.ChecksummedLayout
            || ComponentFormat.BodyVersion(header.ModelVerReadable) > format.Version)
        {
            throw new ModelFormatException(
                $"The {format.DisplayName} in this model was saved in format version {header.ModelVerWritten}, " +
                $"which needs a reader of version {header.ModelVerReadable} or later; this MlNetMlp reads versions " +
                $"{format.OldestReadableVersion} to {format.StampedVersion}. Upgrade MlNetMlp to load it.",
                entry);
        }

        var layout = ComponentFormat.Layout(header.ModelVerWritten);
        if (layout is not (ComponentFormat.BareLayout or ComponentFormat.ChecksummedLayout) || header.ModelVerReadable > header.ModelVerWritten)
        {
            throw new ModelFormatException(
                $"The saved {format.DisplayName} is corrupt: its header claims format version {header.ModelVerWritten}, readable from {header.ModelVerReadable}.",
                entry);
        }

        if (ComponentFormat.BodyVersion(header.ModelVerWritten) < format.OldestReadableVersion)
        {
            throw new ModelFormatException(
                $"The {format.DisplayName} in this model was saved in format version {header.ModelVerWritten}, " +
                $"older than the oldest this MlNetMlp reads ({format.OldestReadableVersion}). Retrain and save it again.",
                entry);
        }

        return layout;
    }
}
