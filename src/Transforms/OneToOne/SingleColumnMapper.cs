using Microsoft.ML;
using MlNetMlp.Core.Data;
using MlNetMlp.Core.Onnx;

namespace MlNetMlp.Transforms.OneToOne;

/// <summary>
/// The shape every transform in this assembly has: it reads one input column and adds one output
/// column. Derived mappers check the input before calling this constructor and supply the getter.
/// </summary>
internal abstract class SingleColumnMapper : ColumnMapper
{
    /// <summary>Binds the mapper to <paramref name="input"/> (already checked) and the <paramref name="output"/> it adds.</summary>
    protected SingleColumnMapper(DataViewSchema inputSchema, DataViewSchema.Column input, AddedColumn output)
        : base(inputSchema)
    {
        Input = input;
        AddedColumns = [output];
        InputColumns = [input];
    }

    /// <summary>The input column.</summary>
    protected DataViewSchema.Column Input { get; }

    public sealed override IReadOnlyList<AddedColumn> AddedColumns { get; }

    public sealed override IReadOnlyList<DataViewSchema.Column> InputColumns { get; }

    public sealed override Delegate?[] CreateGetters(DataViewRow input, Func<int, bool> isActive) => [isActive(0) ? CreateGetter(input) : null];

    /// <summary>The ONNX variable of the input column.</summary>
    protected string InputVariable(OnnxGraph graph) => graph.Variable(Input.Name);

    /// <summary>Declares the output column in the ONNX graph and writes <paramref name="value"/> into it.</summary>
    protected void WriteOutput(OnnxGraph graph, string value) => graph.Identity(value, graph.Column(AddedColumns[0].Name, AddedColumns[0].Type));

    /// <summary>A <c>ValueGetter</c> of the output column's values over <paramref name="input"/>.</summary>
    protected abstract Delegate CreateGetter(DataViewRow input);
}
