using System.Globalization;
using MlNetMlp.Core.Persistence;

namespace MlNetMlp.Scoring.Layers;

/// <summary>
/// A layer's saved configuration, as Keras's <c>get_config</c>: named options, each an integer, a float, a string or a
/// Boolean. Saved as a count and then name, type and value, so a kind's options are read by name, and an option a
/// newer release added is refused by name rather than mis-read (<see cref="CheckAllRead"/>).
/// </summary>
internal sealed class LayerConfig
{
    private const byte IntegerTag = 1;
    private const byte FloatTag = 2;
    private const byte StringTag = 3;
    private const byte BooleanTag = 4;

    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public void Set(string name, int value) => Add(name, value);

    public void Set(string name, float value) => Add(name, value);

    public void Set(string name, string value) => Add(name, value);

    public void Set(string name, bool value) => Add(name, value);

    /// <summary>An enum option, saved by its name so that a value added later is refused by name.</summary>
    public void Set<T>(string name, T value)
        where T : struct, Enum => Add(name, value.ToString());

    public int Integer(string name) => Get<int>(name);

    public float Float(string name) => Get<float>(name);

    public bool Boolean(string name) => Get<bool>(name);

    /// <summary>An enum option saved by <see cref="Set{T}"/>, or null when the configuration does not have it.</summary>
    public T? OptionalEnum<T>(string name)
        where T : struct, Enum => _values.ContainsKey(name) ? Enum<T>(name) : null;

    public T Enum<T>(string name)
        where T : struct, Enum
    {
        var text = Get<string>(name);
        return System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : throw new FormatException($"option '{name}' is {typeof(T).Name} '{text}', which this release does not know (it knows {string.Join(", ", System.Enum.GetNames<T>())})");
    }

    /// <summary>Refuses options nobody read: a newer release wrote them, and reading the layer without them would change what it computes.</summary>
    public void CheckAllRead()
    {
        var unread = _order.Where(name => !_read.Contains(name)).ToList();
        if (unread.Count > 0)
        {
            throw new FormatException($"option{(unread.Count > 1 ? "s" : "")} {string.Join(", ", unread.Select(n => $"'{n}'"))} unknown to this release");
        }
    }

    public void Write(ComponentWriter writer)
    {
        writer.Write(_order.Count);
        foreach (var name in _order)
        {
            writer.Write(name);
            switch (_values[name])
            {
                case int integer:
                    writer.Write((int)IntegerTag);
                    writer.Write(integer);
                    break;
                case float number:
                    writer.Write((int)FloatTag);
                    writer.Write(number);
                    break;
                case string text:
                    writer.Write((int)StringTag);
                    writer.Write(text);
                    break;
                case bool flag:
                    writer.Write((int)BooleanTag);
                    writer.Write(flag);
                    break;
            }
        }
    }

    public static LayerConfig Read(ComponentReader reader, string layer)
    {
        var config = new LayerConfig();
        var count = reader.ReadInt32();
        reader.Check(count is >= 0 and <= 1000, $"{layer} has {count} options");
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var tag = reader.ReadInt32();
            reader.Check(!config._values.ContainsKey(name), $"{layer} has option '{name}' twice");
            config.Add(name, tag switch
            {
                IntegerTag => reader.ReadInt32(),
                FloatTag => reader.ReadSingle(),
                StringTag => reader.ReadString(),
                BooleanTag => reader.ReadBoolean(),
                _ => Unknown(reader, layer, name, tag),
            });
        }

        return config;
    }

    /// <summary>The options as <c>name=value</c> pairs, for messages.</summary>
    public override string ToString() => string.Join(", ", _order.Select(name => string.Create(CultureInfo.InvariantCulture, $"{name}={_values[name]}")));

    private static object Unknown(ComponentReader reader, string layer, string name, int tag)
    {
        reader.Check(false, $"{layer} option '{name}' has value type {tag}, which this release does not know");
        return 0;
    }

    private void Add(string name, object value)
    {
        _values.Add(name, value);
        _order.Add(name);
    }

    private T Get<T>(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            throw new FormatException($"option '{name}' is missing");
        }

        _read.Add(name);
        return value is T typed ? typed : throw new FormatException($"option '{name}' is a {value.GetType().Name}, expected a {typeof(T).Name}");
    }
}
