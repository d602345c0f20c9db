using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MlNetMlp.Tests.Infrastructure;

/// <summary>
/// A pipeline exported with ML.NET's <c>ConvertToOnnx</c>, written to a file and loaded in ONNX Runtime, so every
/// exported model a test checks is one ONNX Runtime accepted. <see cref="Run"/> feeds the graph's inputs from an
/// <see cref="IDataView"/> in one batch and returns each output column's rows.
/// </summary>
internal sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;

    private OnnxModel(string path)
    {
        Path = path;
        _session = new InferenceSession(path);
    }

    /// <summary>The exported file.</summary>
    public string Path { get; }

    /// <summary>The graph's input names.</summary>
    public IReadOnlyCollection<string> InputNames => [.. _session.InputMetadata.Keys];

    /// <summary>Exports <paramref name="model"/> for data shaped like <paramref name="data"/> into <paramref name="path"/> and loads it.</summary>
    public static OnnxModel Export(MLContext mlContext, ITransformer model, IDataView data, string path)
    {
        using (var file = File.Create(path))
        {
            mlContext.Model.ConvertToOnnx(model, data, file);
        }

        return new OnnxModel(path);
    }

    /// <summary>Loads an exported file in ONNX Runtime.</summary>
    public static OnnxModel Load(string path) => new(path);

    /// <summary>
    /// Scores <paramref name="data"/>: each graph input is read from the same-named column (a variable-length vector is
    /// padded to the longest row with <paramref name="padding"/>); the result maps each output column name, without ONNX's
    /// ".output" suffix, to its rows.
    /// </summary>
    public Dictionary<string, Array[]> Run(IDataView data, long padding = -1)
    {
        var inputs = _session.InputMetadata.Select(input => Feed(data, input.Key, input.Value, padding)).ToList();
        using var results = _session.Run(inputs);
        return results.ToDictionary(r => r.Name.EndsWith(".output", StringComparison.Ordinal) ? r.Name[..^".output".Length] : r.Name, Rows);
    }

    /// <summary>
    /// Scores <paramref name="data"/> through ML.NET's <c>ApplyOnnxModel</c> (which names each output after the column,
    /// without ".output"), returned in the shape of <see cref="Run"/>.
    /// </summary>
    public Dictionary<string, Array[]> Apply(MLContext mlContext, IDataView data, params string[] columns)
    {
        var applied = mlContext.Transforms.ApplyOnnxModel(Path).Fit(data).Transform(data);
        return columns.ToDictionary(name => name, name =>
        {
            var item = ((VectorDataViewType)applied.Schema[name].Type).ItemType.RawType;
            return item == typeof(float) ? Vectors<float>(applied, name)
                : item == typeof(uint) ? Vectors<uint>(applied, name)
                : item == typeof(bool) ? Vectors<bool>(applied, name)
                : throw new NotSupportedException($"Column '{name}' of {item} is not read by this test helper.");
        });
    }

    public void Dispose() => _session.Dispose();

    private static Array[] Vectors<T>(IDataView data, string name) =>
        [.. data.GetColumn<VBuffer<T>>(name).Select(row => (Array)row.DenseValues().ToArray())];

    private static NamedOnnxValue Feed(IDataView data, string name, NodeMetadata metadata, long padding)
    {
        var column = data.Schema[name];
        var type = metadata.ElementType;
        return type == typeof(float) ? Tensor<float>(data, column, name, (float)padding)
            : type == typeof(double) ? Tensor<double>(data, column, name, padding)
            : type == typeof(byte) ? Tensor<byte>(data, column, name, (byte)padding)
            : type == typeof(uint) ? Tensor<uint>(data, column, name, unchecked((uint)padding))
            : type == typeof(int) ? Tensor<int>(data, column, name, (int)padding)
            : type == typeof(long) ? Tensor<long>(data, column, name, padding)
            : type == typeof(bool) ? Tensor<bool>(data, column, name, false)
            : type == typeof(string) ? TextTensor(data, column, name)
            : throw new NotSupportedException($"Input '{name}' of {type} is not fed by this test helper.");
    }

    private static NamedOnnxValue Tensor<T>(IDataView data, DataViewSchema.Column column, string name, T padding)
    {
        T[][] rows = column.Type is VectorDataViewType
            ? [.. data.GetColumn<VBuffer<T>>(column).Select(row => row.DenseValues().ToArray())]
            : [.. data.GetColumn<T>(column).Select(value => new[] { value })];
        var width = Math.Max(1, rows.Max(r => r.Length));
        var tensor = new DenseTensor<T>([rows.Length, width]);
        for (var row = 0; row < rows.Length; row++)
        {
            for (var slot = 0; slot < width; slot++)
            {
                tensor[row, slot] = slot < rows[row].Length ? rows[row][slot] : padding;
            }
        }

        return NamedOnnxValue.CreateFromTensor(name, tensor);
    }

    private static NamedOnnxValue TextTensor(IDataView data, DataViewSchema.Column column, string name)
    {
        var rows = data.GetColumn<ReadOnlyMemory<char>>(column).Select(text => text.ToString()).ToArray();
        return NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(rows, [rows.Length, 1]));
    }

    private static Array[] Rows(DisposableNamedOnnxValue value) => value.Value switch
    {
        Tensor<float> t => Split(t),
        Tensor<double> t => Split(t),
        Tensor<uint> t => Split(t),
        Tensor<bool> t => Split(t),
        Tensor<long> t => Split(t),
        Tensor<int> t => Split(t),
        Tensor<byte> t => Split(t),
        Tensor<string> t => Split(t),
        _ => throw new NotSupportedException($"Output '{value.Name}' holds {value.Value.GetType()}."),
    };

    private static Array[] Split<T>(Tensor<T> tensor)
    {
        var values = tensor.ToArray();
        var rows = tensor.Dimensions[0];
        var width = rows == 0 ? 0 : values.Length / rows;
        return [.. Enumerable.Range(0, rows).Select(r => (Array)values.AsSpan(r * width, width).ToArray())];
    }
}
